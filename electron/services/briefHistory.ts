import type { Db } from '../../db/workspace';
import type { BriefDocument } from '../../db/brief/document';
import { getBrief, saveBrief } from '../../db/briefs';
import { addSnapshot, getSnapshot, lastSnapshotAt, listSnapshots, type BriefSnapshot } from '../../db/briefHistory';
import { UserError } from './errors';

/** While a brief is being edited, a snapshot is kept at most every five minutes. */
export const SNAPSHOT_INTERVAL_MS = 5 * 60 * 1000;

/** Saves a brief (autosave or explicit) and keeps a snapshot when the last is old enough. */
export function saveBriefWithHistory(db: Db, id: string, patch: { title?: string; author?: string | null; document?: BriefDocument }, now = Date.now()): void {
  db.transaction(() => {
    saveBrief(db, id, patch);
    if (patch.document === undefined) return;
    const last = lastSnapshotAt(db, id);
    if (!last || now - Date.parse(last) >= SNAPSHOT_INTERVAL_MS) {
      const brief = getBrief(db, id)!;
      addSnapshot(db, id, brief.title, brief.document as BriefDocument, 'auto');
    }
  }).immediate();
}

export function snapshotNow(db: Db, id: string): BriefSnapshot {
  const brief = getBrief(db, id);
  if (!brief) throw new UserError(`No brief with id ${id}.`);
  addSnapshot(db, id, brief.title, brief.document as BriefDocument, 'manual');
  return listSnapshots(db, id)[0];
}

/** Restores a snapshot; the current text is snapshotted first, so nothing is lost. */
export function restoreSnapshot(db: Db, briefId: string, snapshotId: number): void {
  db.transaction(() => {
    const brief = getBrief(db, briefId);
    const snap = getSnapshot(db, snapshotId);
    if (!brief || !snap || snap.briefId !== briefId) throw new UserError(`No snapshot ${snapshotId} of brief ${briefId}.`);
    addSnapshot(db, briefId, brief.title, brief.document as BriefDocument, 'before-restore');
    saveBrief(db, briefId, { title: snap.title, document: snap.document });
  }).immediate();
}

export function snapshotDocument(db: Db, briefId: string, snapshotId: number): { title: string; document: BriefDocument } {
  const snap = getSnapshot(db, snapshotId);
  if (!snap || snap.briefId !== briefId) throw new UserError(`No snapshot ${snapshotId} of brief ${briefId}.`);
  return { title: snap.title, document: snap.document };
}

export { listSnapshots };
