// A source's versions, from the reader's header: the list (`sources:versions`) and
// "Replace text…" — a new version from a file, after which every excerpt is re-anchored
// and the summary says how each fared, with a way into the review.
import { useId, useRef, useState } from 'react';
import { useDismiss } from '../ui/useDismiss';
import { api } from '../api';
import { ACCEPTED_EXTENSIONS, fileForUpload, MAX_BYTES } from '../import/files';
import { notifyError } from '../state/toasts';
import { useApiQuery } from '../state/topics';
import type { ReplaceReport, Source } from '../types';
import { formatEdited } from '../ui/format';
import { ReplaceSummary } from './ReplaceSummary';

const formatLength = (chars: number) => (chars < 10_000 ? `${chars.toLocaleString()} characters` : `${Math.round(chars / 1000).toLocaleString()}k characters`);

export function VersionsMenu({ source }: { source: Source }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ReplaceReport | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popoverId = useId();
  const versions = useApiQuery(open ? () => api['sources:versions']({ id: source.id }) : null, [source.id, open], ['versions', 'sources']);

  useDismiss(open, () => setOpen(false), (target) => !!hostRef.current?.contains(target), buttonRef);

  const replace = async (file: File) => {
    if (file.size > MAX_BYTES) {
      notifyError(new Error(`${file.name} is larger than the 32 MB import limit.`), 'The text was not replaced');
      return;
    }
    setBusy(true);
    try {
      const result = await api['sources:replace']({ id: source.id, file: await fileForUpload(file) });
      setOpen(false);
      setReport(result);
    } catch (error) {
      notifyError(error, 'The text was not replaced');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="versions" ref={hostRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={popoverId}
        onClick={() => setOpen((o) => !o)}
        title="Versions of the text, and Replace text…"
      >
        Versions{source.version > 1 && <span className="count">{source.version}</span>}
      </button>
      <input
        ref={fileRef}
        type="file"
        accept={ACCEPTED_EXTENSIONS}
        className="visually-hidden"
        tabIndex={-1}
        aria-label="File with the new text"
        data-testid="replace-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void replace(file);
        }}
      />
      {open && (
        <div id={popoverId} className="popover versions-popover" role="dialog" aria-label="Versions">
          <div className="versions-popover-header">
            <span className="field-label">Versions of the text</span>
          </div>
          {!versions.data ? (
            <p className="muted small versions-loading">Loading…</p>
          ) : (
            <ol className="version-list" reversed>
              {[...versions.data]
                .sort((a, b) => b.version - a.version)
                .map((v) => (
                  <li key={v.version} className={v.current ? 'is-current' : undefined}>
                    <span className="version-number">v{v.version}</span>
                    <span className="version-detail">
                      <span className="version-name" title={v.originalName ?? undefined}>
                        {v.originalName ?? 'Imported text'}
                      </span>
                      <span className="muted small">
                        {formatEdited(v.createdAt)} · {formatLength(v.length)}
                        {v.language && <> · {v.language}</>}
                      </span>
                    </span>
                    {v.current && <span className="version-current">current</span>}
                  </li>
                ))}
            </ol>
          )}
          <div className="versions-popover-footer">
            <p className="muted small">A new version keeps the old ones. Every excerpt is looked for again in the new text; none is moved silently.</p>
            <button type="button" className="button" disabled={busy} onClick={() => fileRef.current?.click()}>
              {busy ? 'Replacing…' : 'Replace text…'}
            </button>
          </div>
        </div>
      )}
      {report && <ReplaceSummary report={report} onClose={() => setReport(null)} />}
    </div>
  );
}
