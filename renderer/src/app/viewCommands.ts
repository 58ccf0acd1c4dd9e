// The registry's commands that open a view or a panel of the window (View ▸ …, the
// palette), carried out in one place rather than by each sidebar button's component,
// which may not be on screen (the sidebar can be hidden).
import { api } from '../api';
import { openSideView } from '../entities/sideView';
import { openPublishers, startReview } from '../state/panels';
import { notify, notifyError } from '../state/toasts';
import { useCommand } from './commands';
import { useNavigation } from './navigation';

export function useViewCommands(): void {
  const nav = useNavigation();
  useCommand('view.trash', () => openSideView({ kind: 'trash' }));
  useCommand('view.library', () => openSideView({ kind: 'library' }));
  useCommand('view.backups', () => openSideView({ kind: 'backups' }));
  useCommand('view.workspaces', () => openSideView({ kind: 'workspaces' }));
  useCommand('view.entities', () => openSideView({ kind: 'entities' }));
  useCommand('view.suggestions', () => openSideView({ kind: 'suggestions' }));
  useCommand('view.matrix', () => openSideView({ kind: 'matrix' }));
  useCommand('view.graph', () => openSideView({ kind: 'graph' }));
  useCommand('view.timeline', () => openSideView({ kind: 'timeline' }));
  useCommand('view.publishers', () => openPublishers());
  // As the sidebar's "To review" does: the first excerpt to check, in its source.
  useCommand('review.start', () => {
    void api['excerpts:review']({})
      .then((list) => {
        const first = list[0];
        if (!first) return void notify('No excerpt needs checking: every one still finds its passage.');
        startReview(null, first.id);
        nav.openSource(first.sourceId, first.state === 'fuzzy' ? first.id : undefined);
      })
      .catch((error: unknown) => notifyError(error, 'The excerpts to review could not be listed'));
  });
}
