// The workspace's backups, newest first: when, why (by hand, automatic, before an
// operation), size, what it holds, and whether its check passed. Back up now; Restore…
// replaces the workspace with a backup after backing up the current state.
import { useState } from 'react';
import { api } from '../api';
import { PaneHeader } from '../entities/PaneHeader';
import { notify, notifyError } from '../state/toasts';
import { useApiQuery } from '../state/topics';
import { workspaceReplaced } from '../state/workspace';
import type { BackupView } from '../types';
import { Dialog } from '../ui/Dialog';
import { EmptyState } from '../ui/EmptyState';
import { formatAgo, formatBytes, formatDateTime } from '../ui/format';
import { useRovingList } from '../ui/rovingList';
import { useNow } from '../ui/useNow';

/** Why a backup was made, as a phrase: "Made by hand", "Automatic", "Before merging …". */
export function backupReason(reason: string): string {
  if (reason === 'manual') return 'Made by hand';
  if (reason === 'automatic') return 'Automatic';
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 sources · 12 excerpts · 5 entities · 1 brief" */
export function backupCounts(counts: BackupView['counts']): string {
  return [plural(counts.sources, 'source'), plural(counts.excerpts, 'excerpt'), plural(counts.entities, 'entity', 'entities'), plural(counts.briefs, 'brief')].join(' · ');
}

export function BackupsView() {
  const backups = useApiQuery(() => api['backups:list']({}), [], ['backups']);
  const list = [...(backups.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupView | null>(null);
  const now = useNow();
  const roving = useRovingList(list.length);

  const backUpNow = async () => {
    setBusy(true);
    try {
      const made = await api['backups:now']({});
      if (made.verified) notify(`Backed up: ${backupCounts(made.counts)}.`);
      else notify('A backup was made but it did not pass its check. Do not rely on it; try again.', 'error');
    } catch (error) {
      notifyError(error, 'The workspace was not backed up');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PaneHeader
        title={
          <>
            Backups {backups.data && <span className="count">{list.length}</span>}
          </>
        }
        actions={
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void backUpNow()}>
            {busy ? 'Backing up…' : 'Back up now'}
          </button>
        }
      />
      <div className="side-body">
        {!backups.data && <p className="loading">Loading…</p>}
        {backups.data && list.length === 0 && (
          <EmptyState title="No backups yet">Sourcebook backs the workspace up by itself after changes (at most every 15 minutes) and before a merge, a restore or emptying the Trash. Back up now to make one yourself.</EmptyState>
        )}
        {list.length > 0 && (
          <>
            <p className="muted small trash-note">Kept beside the workspace, in its “backups” folder. Each copy is checked after it is made. Restoring one backs up the current state first.</p>
            <ul className="backup-list" aria-label="Backups" ref={roving.listRef} onKeyDown={roving.onKeyDown}>
              {list.map((b, i) => (
                <li key={b.path} className={`backup-row${b.verified ? '' : ' is-unverified'}`} data-backup-path={b.path} {...roving.row(i)}>
                  <span className="backup-main">
                    <span className="backup-when">
                      <time dateTime={b.createdAt} title={formatDateTime(b.createdAt)}>
                        {formatDateTime(b.createdAt)}
                      </time>
                      <span className="muted"> · {formatAgo(b.createdAt, now)}</span>
                    </span>
                    <span className="backup-meta">
                      <span className="backup-reason">{backupReason(b.reason)}</span>
                      <span aria-hidden="true"> · </span>
                      <span>{formatBytes(b.bytes)}</span>
                      <span aria-hidden="true"> · </span>
                      <span>{backupCounts(b.counts)}</span>
                    </span>
                    {b.verified ? (
                      <span className="backup-check is-verified">
                        <span aria-hidden="true">✓ </span>Verified
                      </span>
                    ) : (
                      <span className="backup-check is-unverified" role="note">
                        <span aria-hidden="true">⚠ </span>Not verified: this copy failed its check (or has no record). Do not rely on it.
                      </span>
                    )}
                  </span>
                  <button type="button" className="button" tabIndex={roving.tabIndex(i)} onClick={() => setRestoring(b)}>
                    Restore…
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />}
    </>
  );
}

function RestoreDialog({ backup, onClose }: { backup: BackupView; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const when = formatDateTime(backup.createdAt);
  const restore = async () => {
    setBusy(true);
    try {
      await api['backups:restore']({ path: backup.path });
      workspaceReplaced();
      notify(`Restored the backup of ${when}. The state before it is kept as a backup.`);
      onClose();
    } catch (error) {
      notifyError(error, 'The backup was not restored');
      setBusy(false);
    }
  };
  return (
    <Dialog title="Restore this backup?" onClose={onClose} className="confirm-dialog">
      <div className="dialog-body">
        <p>
          The workspace will be replaced by the backup of <strong>{when}</strong> ({backupCounts(backup.counts)}). What changed since then will no longer be in the workspace.
        </p>
        <p className="dialog-intro">The current state is backed up first, so you can come back to it: it will be at the top of this list.</p>
        {!backup.verified && (
          <p className="backup-check is-unverified">
            <span aria-hidden="true">⚠ </span>This backup is not verified. Sourcebook checks it again and refuses it if it is damaged.
          </p>
        )}
        <div className="form-footer">
          <div className="form-footer-start" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void restore()}>
            {busy ? 'Restoring…' : 'Restore backup'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
