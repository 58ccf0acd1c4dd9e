// Deleting moves a source, excerpt, brief or entity to the Trash (the workspace keeps it
// for 30 days). Every delete in the app goes through moveToTrash: it calls the channel
// and shows "Moved “…” to the Trash. [Undo]". Ctrl/Cmd+Z outside the editor and outside
// any text field undoes the most recent such delete of this session.
import { api } from '../api';
import type { TrashItem } from '../types';
import { truncate } from '../ui/format';
import { dismissToast, notify, notifyError } from './toasts';

export type TrashKind = TrashItem['kind'];

const DELETE = {
  source: 'sources:delete',
  excerpt: 'excerpts:delete',
  brief: 'briefs:delete',
  entity: 'entities:delete',
} as const satisfies Record<TrashKind, string>;

export const TRASH_KIND_LABELS: Record<TrashKind, string> = { source: 'Source', excerpt: 'Excerpt', brief: 'Brief', entity: 'Entity' };

/** The most recent delete of this session that has not been undone. */
let last: { ids: readonly string[]; toast: number; what?: string } | null = null;

/** Moves an item to the Trash and offers Undo; throws (nothing shown) if the delete failed. */
export async function moveToTrash(kind: TrashKind, id: string, title: string): Promise<void> {
  await api[DELETE[kind]]({ id });
  const shown = kind === 'excerpt' ? truncate(title, 48) : truncate(title, 60);
  const toast = notify(`Moved “${shown}” to the Trash.`, 'info', { label: 'Undo', run: () => void restoreFromTrash(id) });
  last = { ids: [id], toast };
}

const PLURALS = { source: 'sources', entity: 'entities' } as const;

/** Moves several sources or entities to the Trash at once (all or none) and offers Undo for all of them; throws if nothing moved. */
export async function moveManyToTrash(kind: 'source' | 'entity', items: readonly { id: string; title: string }[]): Promise<void> {
  if (items.length === 1) return moveToTrash(kind, items[0].id, items[0].title);
  const ids = items.map((i) => i.id);
  const { deleted } = kind === 'source' ? await api['sources:deleteMany']({ ids }) : await api['entities:deleteMany']({ ids });
  const toast = notify(`Moved ${deleted.length} ${PLURALS[kind]} to the Trash.`, 'info', { label: 'Undo', run: () => void restoreManyFromTrash(deleted, PLURALS[kind]) });
  last = { ids: deleted, toast, what: PLURALS[kind] };
}

/** Brings several items back from the Trash; says how many, or why not. */
async function restoreManyFromTrash(ids: readonly string[], what: string): Promise<void> {
  if (last && last.ids.every((id) => ids.includes(id))) {
    dismissToast(last.toast);
    last = null;
  }
  const results = await Promise.allSettled(ids.map((id) => api['trash:restore']({ id })));
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length === 0) notify(`Restored ${ids.length} ${what}.`);
  else notifyError((failed[0] as PromiseRejectedResult).reason, `${failed.length} of ${ids.length} ${what} were not restored`);
}

/** Brings an item back from the Trash; says so, or why not. */
export async function restoreFromTrash(id: string): Promise<TrashItem | null> {
  if (last?.ids.length === 1 && last.ids[0] === id) {
    dismissToast(last.toast);
    last = null;
  }
  try {
    const item = await api['trash:restore']({ id });
    notify(`Restored “${truncate(item.title, 60)}”.`);
    return item;
  } catch (error) {
    notifyError(error, 'Not restored');
    return null;
  }
}

/** Undoes the most recent delete of this session; false if there is none to undo. */
export function undoLastDelete(): boolean {
  if (!last) return false;
  if (last.ids.length === 1) void restoreFromTrash(last.ids[0]);
  else void restoreManyFromTrash(last.ids, last.what ?? 'items');
  return true;
}

/** Whether a key press happens where Ctrl+Z belongs to the text being edited. */
function inEditable(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"]') !== null;
}

/** Listens for Ctrl/Cmd+Z outside text fields and the editor; returns the cleanup. Installed once by the app. */
export function listenForUndoDelete(isMac: boolean): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || event.shiftKey || event.altKey) return;
    if (!(isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey)) return;
    if (event.key.toLowerCase() !== 'z' && event.code !== 'KeyZ') return;
    if (inEditable(event.target) || document.querySelector('dialog[open]')) return;
    if (undoLastDelete()) event.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
