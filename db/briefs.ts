import type { Db } from './workspace';
import type { Brief, BriefSummary } from './domain';
import { newId, nowIso } from './ids';
import type { BriefDocument } from './brief/document';
import { citationsOf, entityMentionsOf, plainTextOf } from './brief/walk';

interface BriefRow {
  id: string;
  title: string;
  author: string | null;
  document: string;
  created_at: string;
  updated_at: string;
  citation_count: number;
}

const SELECT = `SELECT b.*, (SELECT count(*) FROM brief_citations c WHERE c.brief_id = b.id) AS citation_count FROM briefs b`;

const toSummary = (r: BriefRow): BriefSummary => ({ id: r.id, title: r.title, author: r.author, updatedAt: r.updated_at, citationCount: r.citation_count });

/** What the brief's document cites and names, kept in tables of their own for lookups by excerpt and by entity. */
function indexDocument(db: Db, briefId: string, doc: BriefDocument): void {
  db.prepare(`DELETE FROM brief_citations WHERE brief_id = ?`).run(briefId);
  const insert = db.prepare(`INSERT INTO brief_citations (brief_id, position, excerpt_id) VALUES (?, ?, ?)`);
  citationsOf(doc).forEach((c, i) => insert.run(briefId, i, c.excerptId));
  db.prepare(`DELETE FROM brief_entity_mentions WHERE brief_id = ?`).run(briefId);
  const mention = db.prepare(`INSERT INTO brief_entity_mentions (brief_id, entity_id) VALUES (?, ?)`);
  for (const entityId of entityMentionsOf(doc)) mention.run(briefId, entityId);
}

export function createBrief(db: Db, title: string, doc: BriefDocument): string {
  const id = newId('brf');
  const now = nowIso();
  db.transaction(() => {
    db.prepare(`INSERT INTO briefs (id, title, document, plain_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
      id,
      title,
      JSON.stringify(doc),
      plainTextOf(doc),
      now,
      now,
    );
    indexDocument(db, id, doc);
  }).immediate();
  return id;
}

export function saveBrief(db: Db, id: string, patch: { title?: string; author?: string | null; document?: BriefDocument }): boolean {
  return db.transaction(() => {
    const now = nowIso();
    let changed = 0;
    if (patch.title !== undefined) changed += db.prepare(`UPDATE briefs SET title = ?, updated_at = ? WHERE id = ?`).run(patch.title, now, id).changes;
    if (patch.author !== undefined) changed += db.prepare(`UPDATE briefs SET author = ?, updated_at = ? WHERE id = ?`).run(patch.author?.trim() || null, now, id).changes;
    if (patch.document !== undefined) {
      changed += db
        .prepare(`UPDATE briefs SET document = ?, plain_text = ?, updated_at = ? WHERE id = ?`)
        .run(JSON.stringify(patch.document), plainTextOf(patch.document), now, id).changes;
      if (changed) indexDocument(db, id, patch.document);
    }
    return changed > 0 || getBriefSummary(db, id) !== null;
  }).immediate();
}

export function listBriefs(db: Db): BriefSummary[] {
  return (db.prepare(`${SELECT} ORDER BY b.updated_at DESC, b.seq DESC`).all() as BriefRow[]).map(toSummary);
}

function getBriefSummary(db: Db, id: string): BriefSummary | null {
  const row = db.prepare(`${SELECT} WHERE b.id = ?`).get(id) as BriefRow | undefined;
  return row ? toSummary(row) : null;
}

export function getBrief(db: Db, id: string): Brief | null {
  const row = db.prepare(`${SELECT} WHERE b.id = ?`).get(id) as BriefRow | undefined;
  if (!row) return null;
  return { ...toSummary(row), document: JSON.parse(row.document) as BriefDocument, createdAt: row.created_at };
}

export function deleteBrief(db: Db, id: string): boolean {
  return db.prepare(`DELETE FROM briefs WHERE id = ?`).run(id).changes > 0;
}

/** The briefs that cite an excerpt, for "cited in". */
export function briefsCiting(db: Db, excerptId: string): { id: string; title: string }[] {
  return db
    .prepare(`SELECT DISTINCT b.id, b.title FROM brief_citations c JOIN briefs b ON b.id = c.brief_id WHERE c.excerpt_id = ? ORDER BY b.title`)
    .all(excerptId) as { id: string; title: string }[];
}

/** Where an excerpt is cited: each brief with the positions (0-based, document order) of its citations. */
export function citedIn(db: Db, excerptId: string): { briefId: string; title: string; positions: number[] }[] {
  const rows = db
    .prepare(`SELECT b.id, b.title, c.position FROM brief_citations c JOIN briefs b ON b.id = c.brief_id WHERE c.excerpt_id = ? ORDER BY b.title, b.id, c.position`)
    .all(excerptId) as { id: string; title: string; position: number }[];
  const out = new Map<string, { briefId: string; title: string; positions: number[] }>();
  for (const r of rows) {
    const entry = out.get(r.id) ?? { briefId: r.id, title: r.title, positions: [] };
    entry.positions.push(r.position);
    out.set(r.id, entry);
  }
  return [...out.values()];
}

/** Where a source is cited: each brief citing any of its excerpts, with how many citations. */
export function sourceCitedIn(db: Db, sourceId: string): { briefId: string; title: string; citations: number }[] {
  return db
    .prepare(
      `SELECT b.id AS briefId, b.title, count(*) AS citations FROM brief_citations c
       JOIN excerpts e ON e.id = c.excerpt_id JOIN briefs b ON b.id = c.brief_id
       WHERE e.source_id = ? GROUP BY b.id ORDER BY b.title, b.id`,
    )
    .all(sourceId) as { briefId: string; title: string; citations: number }[];
}

/**
 * The briefs that cite an excerpt tagged with the entity, or name it with an `@` mention
 * (a brief doing both is listed once per way), by title.
 */
export function briefsAboutEntity(db: Db, entityId: string): { id: string; title: string; via: 'citation' | 'mention' }[] {
  return db
    .prepare(
      `SELECT DISTINCT b.id, b.title, 'citation' AS via FROM brief_citations c JOIN briefs b ON b.id = c.brief_id
       JOIN excerpt_entities x ON x.excerpt_id = c.excerpt_id WHERE x.entity_id = ?
       UNION
       SELECT b.id, b.title, 'mention' FROM brief_entity_mentions m JOIN briefs b ON b.id = m.brief_id WHERE m.entity_id = ?
       ORDER BY 2`,
    )
    .all(entityId, entityId) as { id: string; title: string; via: 'citation' | 'mention' }[];
}
