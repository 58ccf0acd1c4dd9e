// A visible warning while the open workspace sits in a folder a sync client manages
// (Dropbox, OneDrive, iCloud Drive, …): live sync can corrupt a database that is open. The
// desktop app also offers Move It Out as the workspace opens (File ▸ Move Workspace Out of
// a Synced Folder…); in a browser the file is moved by hand. Dismissed for this session.
import { useState } from 'react';
import { api } from '../api';
import { useApiQuery } from '../state/topics';

export function SyncWarning() {
  const info = useApiQuery(() => api['workspace:info']({}), [], []);
  const [dismissed, setDismissed] = useState(false);
  const sync = info.data?.syncedBy;
  if (!sync || dismissed) return null;
  const desktop = 'sourcebook' in window;
  return (
    <div className="sync-warning" role="alert">
      <p>
        <strong>This workspace is in a folder that {sync.client} keeps in sync.</strong> Live sync can corrupt a database while it is open.{' '}
        {desktop ? 'Use File ▸ Move Workspace Out of a Synced Folder… to keep working on a copy outside it.' : `Move ${info.data!.path} out of ${sync.folder}, then open it from there.`}
      </p>
      <button type="button" className="button button-quiet" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </div>
  );
}
