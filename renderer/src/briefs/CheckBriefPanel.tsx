// "Check brief": every citation in the brief with its status — ok, changed, orphaned,
// deleted, ungraded — by the rule of db/brief/integrity.ts (checkCitations.ts), live from
// the excerpt store. A row selects its citation in the text.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useMemo, useState } from 'react';
import { numberCitations, useCitationEntries } from '../editor/citationIndex';
import { SELECT_CITATION_COMMAND } from '../editor/plugins/CitationsPlugin/commands';
import { getExcerptEntry, subscribeExcerpt, type ExcerptEntry } from '../state/excerptStore';
import { CITATION_STATUS_LABELS, checkCitation, type CitationStatus } from './checkCitations';

const ORDER: CitationStatus[] = ['deleted', 'orphaned', 'changed', 'ungraded', 'ok'];

/** The live entries of many excerpts; re-renders when any of them changes. */
function useExcerptEntries(ids: readonly string[]): ReadonlyMap<string, ExcerptEntry> {
  const [version, setVersion] = useState(0);
  const key = ids.join(',');
  useEffect(() => {
    let scheduled = false;
    const bump = () => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        setVersion((v) => v + 1);
      });
    };
    const stops = ids.map((id) => subscribeExcerpt(id, bump));
    return () => stops.forEach((s) => s());
  }, [key]);
  // Keyed by the ids' contents; `version` is the change signal.
  return useMemo(() => new Map(ids.map((id) => [id, getExcerptEntry(id)])), [key, version]);
}

export function CheckBriefPanel({ onClose }: { onClose(): void }) {
  const [editor] = useLexicalComposerContext();
  const entries = useCitationEntries();
  const ids = useMemo(() => [...new Set(entries.map((e) => e.excerptId))], [entries]);
  const excerpts = useExcerptEntries(ids);
  const numbers = useMemo(() => numberCitations(entries), [entries]);
  const [problemsOnly, setProblemsOnly] = useState(false);

  const rows = entries.map((entry) => {
    const state = excerpts.get(entry.excerptId) ?? { status: 'loading' as const };
    const known = state.status === 'ok' || state.status === 'deleted';
    const check = known ? checkCitation(entry.quoteAtCitation, state.status === 'ok' ? state.excerpt : null) : null;
    return { entry, check, excerpt: state.status === 'ok' ? state.excerpt : null, loading: !known };
  });
  const counts = new Map<CitationStatus, number>();
  for (const r of rows) if (r.check) counts.set(r.check.status, (counts.get(r.check.status) ?? 0) + 1);
  const problems = rows.filter((r) => r.check && r.check.status !== 'ok').length;
  const shown = problemsOnly ? rows.filter((r) => r.check && r.check.status !== 'ok') : rows;

  return (
    <section className="side-panel check-panel" aria-label="Check brief">
      <header className="side-panel-header">
        <h2 className="side-panel-title">Check brief</h2>
        <button type="button" className="icon-button" aria-label="Close check panel" title="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="check-summary" role="status">
        {rows.length === 0 ? (
          <p className="muted">No citations yet.</p>
        ) : (
          <>
            <p>
              <strong>{rows.length}</strong> citation{rows.length === 1 ? '' : 's'}
              {problems === 0 && !rows.some((r) => r.loading) ? ' — all ok.' : problems ? ` — ${problems} need${problems === 1 ? 's' : ''} attention.` : '…'}
            </p>
            <p className="check-counts">
              {ORDER.filter((s) => counts.get(s)).map((s) => (
                <span key={s} className={`check-status check-status-${s}`}>
                  {counts.get(s)} {CITATION_STATUS_LABELS[s]}
                </span>
              ))}
            </p>
            <label className="check-filter">
              <input type="checkbox" checked={problemsOnly} onChange={(e) => setProblemsOnly(e.target.checked)} /> Only citations that need attention
            </label>
          </>
        )}
      </div>
      <ol className="check-list" aria-label="Citations">
        {shown.map(({ entry, check, excerpt, loading }) => (
          <li key={entry.key}>
            <button
              type="button"
              className="check-row"
              data-status={check?.status ?? 'loading'}
              data-node-key={entry.key}
              onClick={() => editor.dispatchCommand(SELECT_CITATION_COMMAND, entry.key)}
            >
              <span className="check-row-head">
                <sup className="citation-number">{numbers.get(entry.excerptId)}</sup>
                <span className={`check-status check-status-${check?.status ?? 'loading'}`}>{loading ? '…' : CITATION_STATUS_LABELS[check!.status]}</span>
                <span className="check-row-source">{excerpt?.sourceTitle ?? entry.sourceTitleAtCitation ?? 'Unknown source'}</span>
                {entry.form === 'block' && <span className="check-row-form muted">block</span>}
              </span>
              <span className="check-row-quote" dir="auto">“{entry.quoteAtCitation}”</span>
              {check?.detail && <span className="check-row-detail">{check.detail[0].toUpperCase() + check.detail.slice(1)}.</span>}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
