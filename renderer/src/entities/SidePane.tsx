// The right-hand pane when it shows entities or analysis instead of the brief.
import { lazy, Suspense } from 'react';
import { Matrix } from '../analysis/Matrix';
import { Timeline } from '../analysis/Timeline';
import { EntitiesList } from './EntitiesList';
import { EntityPageView } from './EntityPage';
import { Suggestions } from './Suggestions';
import { BackupsView } from '../workspace/BackupsView';
import { WorkspacesView } from '../workspace/WorkspacesView';
import { TrashView } from '../workspace/TrashView';
import { LibraryTable } from '../library/LibraryTable';
import type { SideView } from './sideView';

// Cytoscape is large: loaded (from the app's own files) the first time the chart opens.
const LinkChart = lazy(() => import('../analysis/LinkChart'));

const LABELS: Record<SideView['kind'], string> = {
  entities: 'Entities',
  suggestions: 'Suggested entities',
  entity: 'Entity',
  matrix: 'Co-occurrence matrix',
  graph: 'Link chart',
  timeline: 'Timeline',
  trash: 'Trash',
  backups: 'Backups',
  workspaces: 'Workspaces',
  library: 'Library',
};

export function SidePane({ view }: { view: SideView }) {
  return (
    <section className={`pane side-pane side-pane-${view.kind}`} aria-label={LABELS[view.kind]}>
      {view.kind === 'entities' && <EntitiesList />}
      {view.kind === 'suggestions' && <Suggestions />}
      {view.kind === 'entity' && <EntityPageView key={view.id} id={view.id} />}
      {view.kind === 'matrix' && <Matrix />}
      {view.kind === 'graph' && (
        <Suspense fallback={<div className="loading">Loading the link chart…</div>}>
          <LinkChart />
        </Suspense>
      )}
      {view.kind === 'timeline' && <Timeline />}
      {view.kind === 'trash' && <TrashView />}
      {view.kind === 'backups' && <BackupsView />}
      {view.kind === 'workspaces' && <WorkspacesView />}
      {view.kind === 'library' && <LibraryTable />}
    </section>
  );
}
