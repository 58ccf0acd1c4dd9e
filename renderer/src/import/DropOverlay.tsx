// Files and folders dragged anywhere over the window can be dropped to import them. A
// folder is walked recursively (DataTransferItem.webkitGetAsEntry) for supported files.
import { useEffect, useRef, useState } from 'react';
import type { ImportReport } from '../types';
import { filesOfEntries, SUPPORTED_LABEL, type EntryLike, type Ignored, type PendingFile } from './files';

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

export type DropHandler = (files: PendingFile[], ignored: Ignored, unreadable: ImportReport['failed']) => void;

/**
 * What a drop holds, read while the drop event lasts (items are unreadable after it):
 * files as File objects, folders as entries to walk.
 */
function readDrop(transfer: DataTransfer): { files: PendingFile[]; folders: EntryLike[] } {
  const files: PendingFile[] = [];
  const folders: EntryLike[] = [];
  const items = Array.from(transfer.items ?? []).filter((item) => item.kind === 'file');
  if (items.length === 0) {
    for (const file of Array.from(transfer.files ?? [])) files.push({ file, path: file.name });
    return { files, folders };
  }
  for (const item of items) {
    const entry = (item.webkitGetAsEntry?.() ?? null) as EntryLike | null;
    if (entry?.isDirectory) {
      folders.push(entry);
      continue;
    }
    const file = item.getAsFile();
    if (file) files.push({ file, path: file.name });
  }
  return { files, folders };
}

export function DropOverlay({ onFiles }: { onFiles: DropHandler }) {
  const [visible, setVisible] = useState(false);
  const depth = useRef(0);
  const onFilesRef = useRef(onFiles);
  onFilesRef.current = onFiles;

  useEffect(() => {
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth.current++;
      setVisible(true);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setVisible(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event) || !event.dataTransfer) return;
      event.preventDefault();
      depth.current = 0;
      setVisible(false);
      const { files, folders } = readDrop(event.dataTransfer);
      if (folders.length === 0) {
        onFilesRef.current(files, new Map(), []);
        return;
      }
      void filesOfEntries(folders).then((walked) => onFilesRef.current([...files, ...walked.files], walked.ignored, walked.unreadable));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  if (!visible) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-card">
        <p className="drop-title">Drop to import</p>
        <p>{SUPPORTED_LABEL} files — or whole folders — become sources in your library</p>
      </div>
    </div>
  );
}
