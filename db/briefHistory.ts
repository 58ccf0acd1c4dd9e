import type { Db } from './workspace';
import { nowIso } from './ids';
import type { BriefDocument } from './brief/document';
import { plainTextOf } from './brief/walk';
import type { SnapshotReason, BriefSnapshot } from './domain';
export type { SnapshotReason, BriefSnapshot };



const countWords = (doc: BriefDocument) => plainTextOf(doc).split(/\s+/).filter(Boolean).length;

export function addSnapshot(db: Db, briefId: string, title: string, doc: BriefDocument, reason: SnapshotReason): number {
  const { lastInsertRowid } = db
    .prepare(`INSERT INTO brief_snapshots (brief_id, title, document, words, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)`)
    .run(briefId, title, JSON.stringify(doc), countWords(doc), reason, nowIso());
  return Number(lastInsertRowid);
}

export function lastSnapshotAt(db: Db, briefId: string): string | null {
  return (db.prepare(`SELECT max(created_at) AS at FROM brief_snapshots WHERE brief_id = ?`).get(briefId) as { at: string | null }).at;
}

export function listSnapshots(db: Db, briefId: string): BriefSnapshot[] {
  const rows = db
    .prepare(`SELECT id, brief_id, title, words, reason, created_at FROM brief_snapshots WHERE brief_id = ? ORDER BY id`)
    .all(briefId) as { id: number; brief_id: string; title: string; words: number; reason: SnapshotReason; created_at: string }[];
  return rows
    .map((r, i) => ({ id: r.id, briefId: r.brief_id, title: r.title, words: r.words, change: i === 0 ? 0 : r.words - rows[i - 1].words, reason: r.reason, createdAt: r.created_at }))
    .reverse();
}

export function getSnapshot(db: Db, id: number): { briefId: string; title: string; document: BriefDocument } | null {
  const row = db.prepare(`SELECT brief_id, title, document FROM brief_snapshots WHERE id = ?`).get(id) as { brief_id: string; title: string; document: string } | undefined;
  return row ? { briefId: row.brief_id, title: row.title, document: JSON.parse(row.document) as BriefDocument } : null;
}
