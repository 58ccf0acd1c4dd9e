// "Cited in": the briefs that cite an excerpt, each a link that opens the brief. Small on
// purpose, to sit in the excerpt panel or a card.
import { api } from '../api';
import { useNavigation } from '../app/navigation';
import { useApiQuery } from '../state/topics';

export function CitedIn({ excerptId, compact }: { excerptId: string; compact?: boolean }) {
  const nav = useNavigation();
  const cited = useApiQuery(() => api['excerpts:citedIn']({ id: excerptId }), [excerptId], ['briefs', 'excerpts']);
  if (!cited.data) return null;
  if (cited.data.length === 0) return compact ? null : <p className="cited-in cited-in-none muted">Not cited in any brief.</p>;
  return (
    <div className="cited-in">
      <span className="cited-in-label">Cited in</span>
      <ul className="cited-in-list">
        {cited.data.map((b) => (
          <li key={b.briefId}>
            <button type="button" className="link-button" onClick={() => nav.openBrief(b.briefId)} title={`Open the brief “${b.title}”`}>
              {b.title}
            </button>
            {b.positions.length > 1 && <span className="muted"> ×{b.positions.length}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "Cited in" for a whole source: the briefs citing any of its excerpts. */
export function SourceCitedIn({ sourceId }: { sourceId: string }) {
  const nav = useNavigation();
  const cited = useApiQuery(() => api['sources:citedIn']({ id: sourceId }), [sourceId], ['briefs', 'excerpts']);
  if (!cited.data || cited.data.length === 0) return null;
  return (
    <div className="cited-in source-cited-in" aria-label="Briefs citing this source">
      <span className="cited-in-label">Cited in</span>
      <ul className="cited-in-list">
        {cited.data.map((b) => (
          <li key={b.briefId}>
            <button type="button" className="link-button" onClick={() => nav.openBrief(b.briefId)} title={`Open the brief “${b.title}”`}>
              {b.title}
            </button>
            <span className="muted"> ×{b.citations}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
