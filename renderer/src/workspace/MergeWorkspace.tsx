// File ▸ Merge Workspace…: another workspace file (a colleague's, an evidence package)
// merged into the open one. The server backs the workspace up first, so the toast's
// "Backups" is the way back; entities it would not merge by guess are counted for review.
import { useRef } from 'react';
import { call } from '../api';
import { useCommand } from '../app/commands';
import { fileForUpload } from '../import/files';
import { notify, notifyError } from '../state/toasts';
import { openSideView } from '../entities/sideView';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function MergeWorkspace() {
  const input = useRef<HTMLInputElement>(null);
  useCommand('workspace.merge', () => input.current?.click());

  const merge = async (file: File) => {
    try {
      const r = await call('workspace:merge', { file: await fileForUpload(file) });
      const review = r.entities.review ? `; ${plural(r.entities.review, 'entity')} not merged by guess (a name shared with another type, or with two entities)` : '';
      notify(
        `Merged “${file.name}”: ${plural(r.sources.added, 'source')} added (${r.sources.matched} already here), ${plural(r.excerpts.added, 'excerpt')}, ${plural(r.briefs.added, 'brief')}${review}. The workspace was backed up first.`,
        'info',
        { label: 'Backups', run: () => openSideView({ kind: 'backups' }) },
      );
    } catch (error) {
      notifyError(error, `“${file.name}” was not merged`);
    }
  };

  return (
    <input
      ref={input}
      type="file"
      accept=".sourcebook,.sqlite"
      className="visually-hidden"
      tabIndex={-1}
      aria-label="Workspace file to merge"
      data-testid="merge-input"
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) void merge(file);
      }}
    />
  );
}
