// After a source's text was replaced (Versions → Replace text, or an import kept as a new
// version): how each excerpt fared, and the way into the review of those to check.
import { startReview } from '../state/panels';
import type { ReplaceReport } from '../types';
import { Dialog } from '../ui/Dialog';

/** "3 exact, 2 moved, 1 fuzzy to confirm, 1 orphaned" */
export function describeReplace(report: Pick<ReplaceReport, 'exact' | 'moved' | 'fuzzy' | 'orphaned'>): string {
  const parts = [`${report.exact} exact`, `${report.moved} moved`, `${report.fuzzy} fuzzy to confirm`, `${report.orphaned} orphaned`];
  return parts.join(', ');
}

export function ReplaceSummary({ report, onClose }: { report: ReplaceReport; onClose(): void }) {
  const total = report.exact + report.moved + report.fuzzy + report.orphaned;
  const toReview = report.fuzzy + report.orphaned;
  const rows: { key: 'exact' | 'moved' | 'fuzzy' | 'orphaned'; label: string; help: string }[] = [
    { key: 'exact', label: 'exact', help: 'at the same place, same words' },
    { key: 'moved', label: 'moved', help: 'same words, found at a new place' },
    { key: 'fuzzy', label: 'fuzzy to confirm', help: 'a similar passage: check and confirm it' },
    { key: 'orphaned', label: 'orphaned', help: 'not in the new text: fix or delete' },
  ];
  return (
    <Dialog title={`Text replaced — version ${report.version}`} onClose={onClose} className="replace-dialog">
      <div className="dialog-body">
        <p className="replace-line">{total === 0 ? 'This source has no excerpts to look for.' : describeReplace(report)}</p>
        {total > 0 && (
          <ul className="replace-counts">
            {rows.map((r) => (
              <li key={r.key} className={`replace-count replace-${r.key}${report[r.key] === 0 ? ' is-zero' : ''}`}>
                <strong>{report[r.key]}</strong>
                <span>
                  {r.label}
                  <span className="muted small"> — {r.help}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
        <div className="form-footer">
          <div className="form-footer-start" />
          <button type="button" className={toReview ? 'button' : 'button button-primary'} onClick={onClose}>
            {toReview ? 'Later' : 'Done'}
          </button>
          {toReview > 0 && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                onClose();
                startReview(report.sourceId);
              }}
            >
              Review {toReview} excerpt{toReview === 1 ? '' : 's'}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
