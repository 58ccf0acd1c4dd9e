// The sidebar's "Workspace" section: which workspace is open, the Trash (with how many
// items it holds), switching workspaces, and the backups. Each opens in the right-hand pane.
import { api } from '../api';
import { openSideView, useSideView } from '../entities/sideView';
import { useApiQuery } from '../state/topics';

export function SidebarWorkspace() {
  const view = useSideView();
  const trash = useApiQuery(() => api['trash:list']({}), [], ['trash']);
  const info = useApiQuery(() => api['workspace:info']({}), [], []);
  const count = trash.data?.length;
  return (
    <section className="sidebar-section sidebar-workspace" aria-labelledby="workspace-heading">
      <div className="sidebar-header">
        <h2 id="workspace-heading">Workspace</h2>
        {info.data && (
          <p className="sidebar-workspace-name" title={info.data.path}>
            <span className="visually-hidden">Open: </span>
            {info.data.name}
          </p>
        )}
      </div>
      <ul className="nav-list sidebar-analysis-list" aria-label="Workspace tools">
        <li>
          <button type="button" className="nav-item nav-item-row" aria-current={view?.kind === 'trash' ? 'true' : undefined} onClick={() => openSideView({ kind: 'trash' })} title="Deleted sources, excerpts, briefs and entities, kept for 30 days">
            <span className="nav-item-title">Trash</span>
            {count !== undefined && count > 0 && (
              <span className="count" aria-label={`${count} items`}>
                {count}
              </span>
            )}
          </button>
        </li>
        <li>
          <button type="button" className="nav-item nav-item-row" aria-current={view?.kind === 'workspaces' ? 'true' : undefined} onClick={() => openSideView({ kind: 'workspaces' })} title="Open another workspace: those named when Sourcebook started, or opened recently">
            <span className="nav-item-title">Switch workspace…</span>
          </button>
        </li>
        <li>
          <button type="button" className="nav-item nav-item-row" aria-current={view?.kind === 'backups' ? 'true' : undefined} onClick={() => openSideView({ kind: 'backups' })} title="The workspace’s backups: back up now, or restore one">
            <span className="nav-item-title">Backups</span>
          </button>
        </li>
      </ul>
    </section>
  );
}
