import { useEffect, useRef } from 'react';
import { useNavigation } from '../app/navigation';
import type { ImportReport } from '../types';

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** What an import did, as a non-blocking panel: imported titles, skipped and failed files with reasons. */
export function ImportSummary({ report, onClose }: { report: ImportReport; onClose(): void }) {
  const nav = useNavigation();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const n = report.imported.length;
  return (
    <div className="popover import-summary" role="dialog" aria-labelledby="import-summary-title">
      <div className="dialog-header">
        <h2 id="import-summary-title">{n === 0 ? 'Nothing imported' : `Imported ${n} source${n === 1 ? '' : 's'}`}</h2>
        <button type="button" className="icon-button" ref={closeRef} aria-label="Close import summary" onClick={onClose}>
          ×
        </button>
      </div>
      {n > 0 && (
        <ul className="import-list">
          {report.imported.map((item) => (
            <li key={item.id}>
              <button type="button" className="link-button" onClick={() => nav.openSource(item.id)}>
                {item.title}
              </button>
              {item.warnings?.map((w) => (
                <span className="import-warning" key={w}>
                  {w}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      {report.skipped.length > 0 && (
        <>
          <h3>Skipped</h3>
          <ul className="import-list">
            {report.skipped.map((item) => (
              <li key={item.path}>
                <strong>{baseName(item.path)}</strong> — {item.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.failed.length > 0 && (
        <>
          <h3>Failed</h3>
          <ul className="import-list import-failed">
            {report.failed.map((item) => (
              <li key={item.path}>
                <strong>{baseName(item.path)}</strong> — {item.error}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
