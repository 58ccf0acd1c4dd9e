// The import panel: while files import, a progress bar with the file being read, the
// counts so far and Cancel; then the summary — imported titles, and every skipped or
// failed file with its reason; a file that may be a new version of a source already there
// offers to be kept as that instead.
import { useEffect, useRef, useState } from 'react';
import { useNavigation } from '../app/navigation';
import type { ImportedItem, ImportProgress } from './useImport';

export function ImportSummary({
  progress,
  onCancel,
  onClose,
  onKeepAsVersion,
}: {
  progress: ImportProgress;
  onCancel(): void;
  onClose(): void;
  onKeepAsVersion(item: ImportedItem): Promise<void>;
}) {
  const [keeping, setKeeping] = useState<string | null>(null);
  const nav = useNavigation();
  const closeRef = useRef<HTMLButtonElement>(null);
  const { finished } = progress;
  useEffect(() => {
    if (!finished) return;
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [finished, onClose]);

  const n = progress.imported.length;
  const counts = (
    <p className="import-counts" aria-live="polite">
      <span>
        <strong>{n}</strong> imported
      </span>
      <span className={progress.skipped.length ? 'import-count-skipped' : undefined}>
        <strong>{progress.skipped.length}</strong> skipped
      </span>
      <span className={progress.failed.length ? 'import-count-failed' : undefined}>
        <strong>{progress.failed.length}</strong> failed
      </span>
    </p>
  );

  if (!finished) {
    return (
      <div className="popover import-summary" role="dialog" aria-labelledby="import-summary-title" aria-busy="true">
        <div className="dialog-header">
          <h2 id="import-summary-title">
            Importing {Math.min(progress.done + 1, progress.total)} of {progress.total}
          </h2>
        </div>
        <div className="import-progress">
          <progress max={progress.total} value={progress.done} aria-label="Import progress" />
          <p className="import-current" title={progress.current ?? undefined}>
            {progress.cancelling ? `Stopping ${progress.current ?? 'the import'}…` : (progress.current ?? 'Starting…')}
          </p>
          {progress.page && !progress.cancelling && (
            <p className="import-page">
              {progress.page.ocr ? `Reading page ${progress.page.page} of ${progress.page.pages} by OCR (text recognition)` : `Page ${progress.page.page} of ${progress.page.pages}`}
            </p>
          )}
          {counts}
          <div className="form-footer">
            <div className="form-footer-start" />
            <button type="button" className="button" onClick={onCancel} disabled={progress.cancelling}>
              Cancel
            </button>
          </div>
        </div>
      </div>
    );
  }

  const title = progress.cancelled
    ? `Import cancelled — ${n} imported`
    : n === 0
      ? 'Nothing imported'
      : `Imported ${n} source${n === 1 ? '' : 's'}`;
  return (
    <div className="popover import-summary" role="dialog" aria-labelledby="import-summary-title">
      <div className="dialog-header">
        <h2 id="import-summary-title">{title}</h2>
        <button type="button" className="icon-button" ref={closeRef} aria-label="Close import summary" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="import-body">
        {counts}
        {progress.cancelled > 0 && (
          <p className="import-note">
            Cancelled before {progress.cancelled} file{progress.cancelled === 1 ? '' : 's'}: {progress.cancelled === 1 ? 'it was' : 'they were'} not imported.
          </p>
        )}
        {progress.notes.map((note) => (
          <p className="import-note" key={note}>
            {note}
          </p>
        ))}
      </div>
      {n > 0 && (
        <ul className="import-list">
          {progress.imported.map((item) =>
            progress.keptAsVersion.includes(item.id) ? (
              <li key={item.id} className="import-kept">
                {item.title} — kept as the new version of{' '}
                <button type="button" className="link-button" onClick={() => nav.openSource(item.versionOf!.id)}>
                  {item.versionOf!.title}
                </button>
              </li>
            ) : (
              <li key={item.id}>
                <button type="button" className="link-button" onClick={() => nav.openSource(item.id)}>
                  {item.title}
                </button>
                {item.warnings
                  // The server's note on a possible version names that source's id and the command line's way; here the button says it.
                  ?.filter((w) => !(item.versionOf && w.includes(`(${item.versionOf.id})`)))
                  .map((w) => (
                    <span className="import-warning" key={w}>
                      {w}
                    </span>
                  ))}
                {item.versionOf && <span className="import-warning">Maybe a new version of “{item.versionOf.title}”, already in the library.</span>}
                {item.versionOf && (
                  <button
                    type="button"
                    className="button import-keep-version"
                    disabled={keeping !== null}
                    onClick={() => {
                      setKeeping(item.id);
                      void onKeepAsVersion(item).finally(() => setKeeping(null));
                    }}
                  >
                    {keeping === item.id ? 'Replacing…' : `Keep as a new version of “${item.versionOf.title}”`}
                  </button>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {progress.skipped.length > 0 && (
        <>
          <h3>Skipped</h3>
          <ul className="import-list import-skipped" aria-label="Skipped files">
            {progress.skipped.map((item, i) => (
              <li key={`${item.path}-${i}`}>
                <strong>{item.path}</strong> — {item.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {progress.failed.length > 0 && (
        <>
          <h3>Failed</h3>
          <ul className="import-list import-failed" aria-label="Failed files">
            {progress.failed.map((item, i) => (
              <li key={`${item.path}-${i}`}>
                <strong>{item.path}</strong> — {item.error}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
