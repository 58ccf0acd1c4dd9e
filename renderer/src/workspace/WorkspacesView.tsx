// Switching workspaces from the page: the open one, those named when Sourcebook was
// started, and the ones opened recently in the app (services/workspaceSwitcher.ts). The
// page sends back an id from this list, never a path; after the switch it starts again
// on the other workspace (what the window remembers belongs to the old one).
import { useState } from 'react';
import { api, inDesktopApp } from '../api';
import { PaneHeader } from '../entities/PaneHeader';
import { notifyError } from '../state/toasts';
import { useApiQuery } from '../state/topics';
import { EmptyState } from '../ui/EmptyState';
import { useRovingList } from '../ui/rovingList';
import { reloadOnOtherWorkspace } from './reload';

export function WorkspacesView() {
  const choices = useApiQuery(() => api['workspaces:list']({}), [], []);
  const list = choices.data?.workspaces ?? [];
  const [opening, setOpening] = useState<string | null>(null);
  const roving = useRovingList(list.length);

  const open = async (id: string, name: string) => {
    setOpening(id);
    try {
      await api['workspaces:open']({ id });
      reloadOnOtherWorkspace();
    } catch (error) {
      notifyError(error, `“${name}” was not opened`);
      setOpening(null);
    }
  };

  return (
    <>
      <PaneHeader title="Workspaces" />
      <div className="side-body">
        {!choices.data && !choices.error && <p className="loading">Loading…</p>}
        {choices.error && (
          <p className="field-error" role="alert">
            {choices.error.message}
          </p>
        )}
        {choices.data && list.length <= 1 && (
          <EmptyState title="No other workspace to open here">
            {inDesktopApp ? (
              'The workspaces opened recently (File ▸ Open Recent) are listed here; File ▸ Open Workspace… opens any other.'
            ) : (
              <>
                The workspaces named when Sourcebook was started (<code>sourcebook serve --workspace A.sourcebook B.sourcebook</code>) and those opened recently in the desktop app are listed here.
              </>
            )}
          </EmptyState>
        )}
        {list.length > 1 && (
          <>
            <p className="muted small trash-note">
              {inDesktopApp ? 'The workspaces opened recently (File ▸ Open Recent).' : 'The workspaces named when Sourcebook was started, and those opened recently in the desktop app.'}
            </p>
            <ul className="backup-list workspace-list" aria-label="Workspaces" ref={roving.listRef} onKeyDown={roving.onKeyDown}>
              {list.map((w, i) => (
                <li key={w.id} className={`backup-row${w.missing ? ' is-unverified' : ''}`} data-workspace-id={w.id} {...roving.row(i)}>
                  <span className="backup-main">
                    <span className="backup-when">{w.name}</span>
                    <span className="backup-meta workspace-path" title={w.path}>
                      {w.path}
                    </span>
                    {w.missing && (
                      <span className="backup-check is-unverified" role="note">
                        <span aria-hidden="true">⚠ </span>No longer there: moved, deleted, or on a drive not connected.
                      </span>
                    )}
                  </span>
                  {w.current ? (
                    <span className="workspace-current">Open now</span>
                  ) : (
                    <button type="button" className="button" tabIndex={roving.tabIndex(i)} disabled={w.missing || opening !== null} aria-label={`Open ${w.name}`} onClick={() => void open(w.id, w.name)}>
                      {opening === w.id ? 'Opening…' : 'Open'}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </>
  );
}
