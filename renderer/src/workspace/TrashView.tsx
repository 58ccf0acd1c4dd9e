// The Trash: what was deleted (sources, excerpts, briefs, entities), most recent first,
// each with Restore and Delete forever; Empty Trash (the workspace is backed up first).
// Items go for good after 30 days. The list is one Tab stop (↑ ↓ Home End between items,
// letters jump to a title); Space, Shift+↑↓, Ctrl/Cmd+click or a row's checkbox select
// several, which are restored or deleted for good together.
import { useMemo, useState } from 'react';
import { api } from '../api';
import { PaneHeader } from '../entities/PaneHeader';
import { notify, notifyError } from '../state/toasts';
import { restoreFromTrash, TRASH_KIND_LABELS } from '../state/trash';
import { useApiQuery } from '../state/topics';
import type { TrashItem } from '../types';
import { ConfirmButton } from '../ui/ConfirmButton';
import { Dialog } from '../ui/Dialog';
import { EmptyState } from '../ui/EmptyState';
import { formatAgo, formatDateTime, truncate } from '../ui/format';
import { useRovingList } from '../ui/rovingList';
import { useNow } from '../ui/useNow';

export function TrashView() {
  const trash = useApiQuery(() => api['trash:list']({}), [], ['trash']);
  const items = trash.data ?? [];
  const [emptying, setEmptying] = useState(false);
  const now = useNow();
  const keys = useMemo(() => items.map((i) => i.id), [items]);
  const labels = useMemo(() => items.map((i) => i.title), [items]);
  const roving = useRovingList(items.length, { keys, labels });
  const selected = items.filter((i) => roving.selection.includes(i.id));
  const [bulkBusy, setBulkBusy] = useState(false);

  /** Runs `action` on every selected item; says how many went and why the others did not. */
  const bulk = async (action: (item: TrashItem) => Promise<unknown>, done: (n: number) => string, failed: string) => {
    setBulkBusy(true);
    const results = await Promise.allSettled(selected.map(action));
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (ok) notify(done(ok));
    if (rejected) notifyError(rejected.reason, `${results.length - ok} of ${results.length} ${failed}`);
    roving.clear();
    setBulkBusy(false);
  };

  return (
    <>
      <PaneHeader
        title={
          <>
            Trash {trash.data && <span className="count">{items.length}</span>}
          </>
        }
        actions={
          <button type="button" className="button button-danger-quiet" disabled={items.length === 0} onClick={() => setEmptying(true)}>
            Empty Trash…
          </button>
        }
      />
      <div className="side-body">
        {!trash.data && <p className="loading">Loading…</p>}
        {trash.data && items.length === 0 && <EmptyState title="Nothing in the Trash">Deleted sources, excerpts, briefs and entities stay here for 30 days.</EmptyState>}
        {items.length > 0 && (
          <>
            <p className="muted small trash-note">Deleted items stay here for 30 days. Restoring one brings back everything that hung on it.</p>
            {selected.length > 0 && (
              <div className="library-bulk trash-bulk" role="toolbar" aria-label="Selected items">
                <span className="library-bulk-count" role="status">
                  {selected.length} selected
                </span>
                <button type="button" className="button" disabled={bulkBusy} onClick={() => void bulk((i) => api['trash:restore']({ id: i.id }), (n) => `Restored ${n} item${n === 1 ? '' : 's'}.`, 'were not restored')}>
                  Restore
                </button>
                <ConfirmButton
                  label="Delete forever"
                  confirmLabel={`Delete ${selected.length} forever`}
                  busy={bulkBusy}
                  onConfirm={() => void bulk((i) => api['trash:delete']({ id: i.id }), (n) => `Deleted ${n} item${n === 1 ? '' : 's'} for good.`, 'were not deleted')}
                />
                <button type="button" className="button" onClick={roving.clear}>
                  Clear selection
                </button>
              </div>
            )}
            <ul className="trash-list" aria-label="Deleted items" ref={roving.listRef} onKeyDown={roving.onKeyDown}>
              {items.map((item, i) => (
                <li key={item.id} className={`trash-row trash-kind-${item.kind}${roving.isSelected(i) ? ' is-selected' : ''}`} data-trash-id={item.id} {...roving.row(i)}>
                  <input
                    type="checkbox"
                    className="trash-select"
                    aria-label={`Select ${TRASH_KIND_LABELS[item.kind].toLowerCase()} “${truncate(item.title, 60)}”`}
                    checked={roving.isSelected(i)}
                    tabIndex={roving.tabIndex(i)}
                    onChange={() => roving.toggle(i)}
                  />
                  <TrashRow item={item} now={now} tabIndex={roving.tabIndex(i)} />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {emptying && <EmptyTrashDialog count={items.length} onClose={() => setEmptying(false)} />}
    </>
  );
}

function TrashRow({ item, now, tabIndex }: { item: TrashItem; now: number; tabIndex: number }) {
  const [busy, setBusy] = useState(false);
  const title = item.kind === 'excerpt' ? `“${truncate(item.title, 140)}”` : truncate(item.title, 120);

  const restore = async () => {
    setBusy(true);
    // On success the row leaves the list (the restore announces 'trash').
    if (!(await restoreFromTrash(item.id))) setBusy(false);
  };
  const deleteForever = async () => {
    setBusy(true);
    try {
      await api['trash:delete']({ id: item.id });
      notify(`Deleted “${truncate(item.title, 60)}” for good.`);
    } catch (error) {
      notifyError(error, 'Not deleted');
      setBusy(false);
    }
  };

  return (
    <>
      <span className="trash-kind">{TRASH_KIND_LABELS[item.kind]}</span>
      <span className="trash-main">
        <span className={`trash-title${item.kind === 'excerpt' ? ' is-quote' : ''}`} title={item.title}>
          {title}
        </span>
        <time className="trash-time" dateTime={item.deletedAt} title={`Deleted ${formatDateTime(item.deletedAt)}`}>
          deleted {formatAgo(item.deletedAt, now)}
        </time>
      </span>
      <span className="trash-actions">
        <button type="button" className="button" tabIndex={tabIndex} disabled={busy} onClick={() => void restore()}>
          Restore
        </button>
        <ConfirmButton label="Delete forever" confirmLabel="Delete forever" busy={busy} tabIndex={tabIndex} onConfirm={() => void deleteForever()} />
      </span>
    </>
  );
}

function EmptyTrashDialog({ count, onClose }: { count: number; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const empty = async () => {
    setBusy(true);
    try {
      const { deleted } = await api['trash:empty']({});
      notify(`Emptied the Trash: ${deleted} item${deleted === 1 ? '' : 's'} deleted for good. The workspace was backed up first.`);
      onClose();
    } catch (error) {
      notifyError(error, 'The Trash was not emptied');
      setBusy(false);
    }
  };
  return (
    <Dialog title="Empty the Trash?" onClose={onClose} className="confirm-dialog">
      <div className="dialog-body">
        <p>
          The {count === 1 ? 'item' : `${count} items`} in the Trash will be deleted for good. <strong>This cannot be undone</strong> from the Trash.
        </p>
        <p className="dialog-intro">A backup of the workspace is made first (listed under Backups), so what is deleted now can still be recovered by restoring that backup.</p>
        <div className="form-footer">
          <div className="form-footer-start" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-danger" disabled={busy} onClick={() => void empty()}>
            {busy ? 'Emptying…' : 'Empty Trash'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
