// The Trash as the analyst uses it: what was deleted, putting it back (its mentions and
// anchors brought up to date with what changed meanwhile), and deleting for good. Items
// older than 30 days go for good when a workspace is opened in the app or served.
import type { Db } from '../../db/workspace';
import { deleteFromTrash, getTrashItem, listTrash, purgeTrashBefore, restoreItem, TrashRestoreError, type TrashItem } from '../../db/trash';
import { UserError } from './errors';
import { scanSource } from './mentions/scan';
import { rescanRestoredEntity } from './entities';
import { bringExcerptUpToDate } from './versions';
import { backupBefore } from './backup';

export { listTrash, type TrashItem };

export const TRASH_DAYS = 30;

/** Puts an item back from the Trash. */
export function restoreFromTrash(db: Db, id: string): TrashItem {
  return db.transaction(() => {
    let item: TrashItem | null;
    try {
      item = restoreItem(db, id);
    } catch (err) {
      if (err instanceof TrashRestoreError) throw new UserError(`Cannot restore ${id}: ${err.message}`);
      throw err;
    }
    if (!item) throw new UserError(`Nothing with id ${id} is in the Trash.`);
    // The workspace went on without it: names added since are looked for in a restored
    // source, a restored entity's names across the corpus, and an excerpt whose source
    // text was replaced meanwhile is re-anchored on the current text.
    if (item.kind === 'source') scanSource(db, item.id);
    if (item.kind === 'entity') rescanRestoredEntity(db, item.id);
    if (item.kind === 'excerpt') bringExcerptUpToDate(db, item.id);
    return item;
  }).immediate();
}

/** Deletes one item from the Trash for good. */
export function deleteForever(db: Db, id: string): { deleted: boolean } {
  if (!getTrashItem(db, id)) throw new UserError(`Nothing with id ${id} is in the Trash.`);
  return { deleted: deleteFromTrash(db, [id]) > 0 };
}

/**
 * Empties the Trash; returns how many items went for good. A bulk delete: the workspace is
 * backed up first (a verified backup, or nothing is deleted).
 */
export async function emptyTrashSafely(db: Db, workspacePath: string): Promise<{ deleted: number }> {
  if (listTrash(db).length === 0) return { deleted: 0 };
  await backupBefore(db, workspacePath, 'emptying the Trash');
  return { deleted: deleteFromTrash(db) };
}

/** Deletes for good what has been in the Trash longer than 30 days. */
export function purgeOldTrash(db: Db, now = new Date()): number {
  return purgeTrashBefore(db, new Date(now.getTime() - TRASH_DAYS * 86_400_000).toISOString());
}
