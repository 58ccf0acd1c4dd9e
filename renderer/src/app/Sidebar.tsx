// The library (sources: library/SidebarLibrary.tsx) and the briefs, with the workspace's
// entity and tag counts, the excerpts waiting for review, and the publisher grades.
import { api } from '../api';
import { NewBriefForm } from '../briefs/NewBriefForm';
import { SidebarAnalysis } from '../entities/SidebarAnalysis';
import { SidebarWorkspace } from '../workspace/SidebarWorkspace';
import { SidebarLibrary } from '../library/SidebarLibrary';
import { SidebarSavedSearches } from '../search/SidebarSavedSearches';
import { openPublishers, startReview, useReview } from '../state/panels';
import { useApiQuery } from '../state/topics';
import { formatEdited } from '../ui/format';
import { useNavigation } from './navigation';

export function Sidebar({ onImport, onImportFolder }: { onImport(): void; onImportFolder(): void }) {
  const nav = useNavigation();
  const review = useReview();
  const toReview = useApiQuery(() => api['excerpts:review']({}), [], ['excerpts', 'sources']);
  const reviewCount = toReview.data?.length ?? 0;

  const openReview = () => {
    const first = toReview.data?.[0];
    if (!first) return;
    startReview(null, first.id);
    nav.openSource(first.sourceId, first.state === 'fuzzy' ? first.id : undefined);
  };
  const briefs = useApiQuery(() => api['briefs:list']({}), [], ['briefs']);
  const entities = useApiQuery(() => api['entities:list']({}), [], ['entities', 'excerpts']);
  const tags = useApiQuery(() => api['tags:list']({}), [], ['excerpts']);

  return (
    <nav className="sidebar" id="sidebar" aria-label="Library and briefs">
      {(reviewCount > 0 || (review && review.scope === null)) && (
        <button type="button" className={`sidebar-review${review && review.scope === null ? ' is-active' : ''}`} onClick={openReview} aria-label={`Review: ${reviewCount} excerpts to confirm or fix`}>
          <span className="sidebar-review-label">
            <span className="review-callout-dot" aria-hidden="true" />
            To review
          </span>
          <span className="count count-warning">{reviewCount}</span>
        </button>
      )}
      <SidebarLibrary onImport={onImport} onImportFolder={onImportFolder} />
      <SidebarSavedSearches />
      <section className="sidebar-section sidebar-briefs" aria-labelledby="briefs-heading">
        <div className="sidebar-header">
          <h2 id="briefs-heading">Briefs</h2>
          <NewBriefForm compact />
        </div>
        {briefs.data && briefs.data.length === 0 ? (
          <p className="sidebar-empty">No briefs yet.</p>
        ) : (
          <ul className="nav-list" aria-label="Briefs">
            {(briefs.data ?? []).map((b) => (
              <li key={b.id}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={nav.briefId === b.id ? 'true' : undefined}
                  onClick={() => nav.openBrief(b.id)}
                  data-brief-id={b.id}
                >
                  <span className="nav-item-title">{b.title}</span>
                  <span className="nav-item-meta">
                    <span className="nav-item-meta-text">Edited {formatEdited(b.updatedAt)}</span>
                    {b.citationCount > 0 && (
                      <span className="count" title={`${b.citationCount} citation${b.citationCount === 1 ? '' : 's'}`} aria-label={`${b.citationCount} citations`}>
                        {b.citationCount}
                      </span>
                    )}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <SidebarAnalysis />
      <SidebarWorkspace />
      <footer className="sidebar-footer">
        <span>{plural(entities.data?.length ?? 0, 'entity', 'entities')}</span>
        <span aria-hidden="true">·</span>
        <span>{plural(tags.data?.length ?? 0, 'tag', 'tags')}</span>
        <button type="button" className="link-button sidebar-footer-link" onClick={() => openPublishers()}>
          Publisher grades
        </button>
      </footer>
    </nav>
  );
}

/** "1 entity", "2 entities". */
const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
