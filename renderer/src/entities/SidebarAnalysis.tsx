// The sidebar's "Analysis" section: the entities list (with its count, and a dot while a
// rescan runs) and the three analysis views. Each opens in the right-hand pane.
import { api } from '../api';
import { useApiQuery } from '../state/topics';
import { useJobs } from './jobs';
import { openSideView, useSideView, type SideView } from './sideView';

const VIEWS: { kind: SideView['kind']; label: string; hint: string }[] = [
  { kind: 'matrix', label: 'Matrix', hint: 'Which entities (or tags) appear together, and how often' },
  { kind: 'graph', label: 'Link chart', hint: 'Entities and their links, with the evidence behind each' },
  { kind: 'timeline', label: 'Timeline', hint: 'Excerpts by the date of the event they report' },
];

export function SidebarAnalysis() {
  const view = useSideView();
  const entities = useApiQuery(() => api['entities:list']({}), [], ['entities']);
  const running = useJobs().some((j) => !j.finished);
  const count = entities.data?.length;
  const onEntities = view?.kind === 'entities' || view?.kind === 'entity' || view?.kind === 'suggestions';
  return (
    <section className="sidebar-section sidebar-analysis" aria-labelledby="analysis-heading">
      <div className="sidebar-header">
        <h2 id="analysis-heading">Analysis</h2>
      </div>
      <ul className="nav-list sidebar-analysis-list" aria-label="Entities and analysis views">
        <li>
          <button type="button" className="nav-item nav-item-row" aria-current={onEntities ? 'true' : undefined} onClick={() => openSideView({ kind: 'entities' })}>
            <span className="nav-item-title">Entities</span>
            {running && <span className="job-dot" role="img" title="Looking for a new alias across the corpus" aria-label="Rescan running" />}
            {count !== undefined && (
              <span className="count" aria-label={`${count} ${count === 1 ? 'entity' : 'entities'}`}>
                {count}
              </span>
            )}
          </button>
        </li>
        {VIEWS.map((v) => (
          <li key={v.kind}>
            <button type="button" className="nav-item nav-item-row" aria-current={view?.kind === v.kind ? 'true' : undefined} onClick={() => openSideView({ kind: v.kind } as SideView)} title={v.hint}>
              <span className="nav-item-title">{v.label}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
