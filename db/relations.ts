import type { Db } from './workspace';
import { newId, nowIso } from './ids';

export interface Relation {
  id: string;
  fromId: string;
  toId: string;
  label: string;
  evidence: string[];
}

/** An explicit relationship between two entities ("replaced his guards with"), backed by excerpts. */
export function addRelation(db: Db, fromId: string, toId: string, label: string, evidence: readonly string[]): string {
  return db.transaction(() => {
    const existing = db.prepare(`SELECT id FROM relations WHERE from_id = ? AND to_id = ? AND label = ?`).get(fromId, toId, label) as { id: string } | undefined;
    const id = existing?.id ?? newId('rel');
    if (!existing) db.prepare(`INSERT INTO relations (id, from_id, to_id, label, created_at) VALUES (?, ?, ?, ?, ?)`).run(id, fromId, toId, label, nowIso());
    const link = db.prepare(`INSERT OR IGNORE INTO relation_evidence (relation_id, excerpt_id) VALUES (?, ?)`);
    for (const x of evidence) link.run(id, x);
    return id;
  }).immediate();
}

export function listRelations(db: Db): Relation[] {
  const rows = db.prepare(`SELECT id, from_id AS fromId, to_id AS toId, label FROM relations ORDER BY created_at`).all() as Omit<Relation, 'evidence'>[];
  const ev = db.prepare(`SELECT excerpt_id FROM relation_evidence WHERE relation_id = ?`);
  return rows.map((r) => ({ ...r, evidence: (ev.all(r.id) as { excerpt_id: string }[]).map((e) => e.excerpt_id) }));
}
