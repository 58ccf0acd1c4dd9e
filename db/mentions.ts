import type { Db } from './workspace';
import type { CooccurrenceRow } from './domain';
export type { CooccurrenceRow };

export interface StoredMention {
  sourceId: string;
  entityId: string;
  start: number;
  end: number;
  text: string;
  paragraph: number;
}

/** Paragraph index of each offset: paragraphs are blocks separated by a blank line. */
export function paragraphIndexer(text: string): (offset: number) => number {
  const breaks: number[] = [];
  for (let at = text.indexOf('\n\n'); at >= 0; at = text.indexOf('\n\n', at + 2)) breaks.push(at);
  return (offset) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Replaces every mention in one source (after a scan of its current text), minus dismissed ones. */
export function replaceSourceMentions(db: Db, sourceId: string, mentions: readonly Omit<StoredMention, 'sourceId'>[], entityIds?: ReadonlySet<string>): void {
  if (entityIds) {
    const del = db.prepare(`DELETE FROM mentions WHERE source_id = ? AND entity_id = ?`);
    for (const id of entityIds) del.run(sourceId, id);
  } else db.prepare(`DELETE FROM mentions WHERE source_id = ?`).run(sourceId);
  const dismissed = new Set(
    (db.prepare(`SELECT entity_id, start, text FROM mention_dismissals WHERE source_id = ?`).all(sourceId) as { entity_id: string; start: number; text: string }[]).map(
      (d) => `${d.entity_id}\u0000${d.start}\u0000${d.text}`,
    ),
  );
  const insert = db.prepare(`INSERT OR REPLACE INTO mentions (source_id, start, end, entity_id, text, paragraph) VALUES (?, ?, ?, ?, ?, ?)`);
  for (const m of mentions) {
    if (dismissed.has(`${m.entityId}\u0000${m.start}\u0000${m.text}`)) continue;
    insert.run(sourceId, m.start, m.end, m.entityId, m.text, m.paragraph);
  }
}

export function mentionsOfEntity(db: Db, entityId: string): StoredMention[] {
  return db
    .prepare(
      `SELECT m.source_id AS sourceId, m.entity_id AS entityId, m.start, m.end, m.text, m.paragraph
       FROM mentions m JOIN sources s ON s.id = m.source_id WHERE m.entity_id = ? ORDER BY s.title, m.start`,
    )
    .all(entityId) as StoredMention[];
}

/** How many mentions an entity has, in how many sources. */
export function mentionTotals(db: Db, entityId: string): { mentions: number; sources: number } {
  return db.prepare(`SELECT count(*) AS mentions, count(DISTINCT source_id) AS sources FROM mentions WHERE entity_id = ?`).get(entityId) as { mentions: number; sources: number };
}

/** One window of the sources mentioning an entity (by title), each with how many times it does. */
export function mentionSourcesOfEntity(db: Db, entityId: string, offset: number, limit: number): { sourceId: string; sourceTitle: string; count: number }[] {
  return db
    .prepare(
      `SELECT m.source_id AS sourceId, s.title AS sourceTitle, count(*) AS count
       FROM mentions m JOIN sources s ON s.id = m.source_id WHERE m.entity_id = ?
       GROUP BY m.source_id ORDER BY s.title, s.seq LIMIT ? OFFSET ?`,
    )
    .all(entityId, limit, offset) as { sourceId: string; sourceTitle: string; count: number }[];
}

/** An entity's mentions in one source, in text order (at most `limit`). */
export function mentionsOfEntityIn(db: Db, entityId: string, sourceId: string, limit: number): StoredMention[] {
  return db
    .prepare(
      `SELECT source_id AS sourceId, entity_id AS entityId, start, end, text, paragraph FROM mentions
       WHERE entity_id = ? AND source_id = ? ORDER BY start LIMIT ?`,
    )
    .all(entityId, sourceId, limit) as StoredMention[];
}

/** The entities that share excerpts or paragraphs with one entity (entityCooccurrence's rows for it alone, without the whole matrix). */
export function cooccurrenceOf(db: Db, entityId: string): { other: string; excerpts: number; paragraphs: number }[] {
  return db
    .prepare(
      `WITH ex AS (
         SELECT y.entity_id AS other, count(*) AS n
         FROM excerpt_entities x JOIN excerpt_entities y ON y.excerpt_id = x.excerpt_id AND y.entity_id <> x.entity_id
         WHERE x.entity_id = @entity GROUP BY 1),
       pa AS (
         SELECT other, count(*) AS n FROM (
           SELECT DISTINCT m2.entity_id AS other, m1.source_id, m1.paragraph
           FROM mentions m1 JOIN mentions m2 ON m2.source_id = m1.source_id AND m2.paragraph = m1.paragraph AND m2.entity_id <> m1.entity_id
           WHERE m1.entity_id = @entity)
         GROUP BY other),
       others AS (SELECT other FROM ex UNION SELECT other FROM pa)
       SELECT o.other, coalesce(ex.n, 0) AS excerpts, coalesce(pa.n, 0) AS paragraphs
       FROM others o LEFT JOIN ex ON ex.other = o.other LEFT JOIN pa ON pa.other = o.other
       ORDER BY excerpts + paragraphs DESC, o.other`,
    )
    .all({ entity: entityId }) as { other: string; excerpts: number; paragraphs: number }[];
}

export function mentionsInSource(db: Db, sourceId: string): StoredMention[] {
  return db
    .prepare(`SELECT source_id AS sourceId, entity_id AS entityId, start, end, text, paragraph FROM mentions WHERE source_id = ? ORDER BY start`)
    .all(sourceId) as StoredMention[];
}

export function dismissMention(db: Db, sourceId: string, start: number): boolean {
  const m = db.prepare(`SELECT entity_id, text FROM mentions WHERE source_id = ? AND start = ?`).get(sourceId, start) as { entity_id: string; text: string } | undefined;
  if (!m) return false;
  db.prepare(`INSERT OR IGNORE INTO mention_dismissals (source_id, entity_id, start, text) VALUES (?, ?, ?, ?)`).run(sourceId, m.entity_id, start, m.text);
  db.prepare(`DELETE FROM mentions WHERE source_id = ? AND start = ?`).run(sourceId, start);
  return true;
}


/** Pairs of entities (a < b by id) tagged on the same excerpts and mentioned in the same paragraphs. */
export function entityCooccurrence(db: Db): CooccurrenceRow[] {
  return db
    .prepare(
      `WITH ex AS (
         SELECT x.entity_id AS a, y.entity_id AS b, count(*) AS n
         FROM excerpt_entities x JOIN excerpt_entities y ON y.excerpt_id = x.excerpt_id AND x.entity_id < y.entity_id
         GROUP BY 1, 2),
       pa AS (
         SELECT a, b, count(*) AS n FROM (
           SELECT DISTINCT m1.entity_id AS a, m2.entity_id AS b, m1.source_id, m1.paragraph
           FROM mentions m1 JOIN mentions m2 ON m2.source_id = m1.source_id AND m2.paragraph = m1.paragraph AND m1.entity_id < m2.entity_id)
         GROUP BY a, b),
       pairs AS (SELECT a, b FROM ex UNION SELECT a, b FROM pa)
       SELECT p.a, p.b, coalesce(ex.n, 0) AS excerpts, coalesce(pa.n, 0) AS paragraphs
       FROM pairs p LEFT JOIN ex ON ex.a = p.a AND ex.b = p.b LEFT JOIN pa ON pa.a = p.a AND pa.b = p.b
       ORDER BY excerpts + paragraphs DESC, p.a, p.b`,
    )
    .all() as CooccurrenceRow[];
}

/** The passages behind a co-occurrence cell: the shared excerpts and the shared paragraphs. */
export function cooccurrenceEvidence(db: Db, a: string, b: string): { excerptIds: string[]; paragraphs: { sourceId: string; paragraph: number }[] } {
  const excerptIds = (
    db
      .prepare(`SELECT x.excerpt_id AS id FROM excerpt_entities x JOIN excerpt_entities y ON y.excerpt_id = x.excerpt_id WHERE x.entity_id = ? AND y.entity_id = ?`)
      .all(a, b) as { id: string }[]
  ).map((r) => r.id);
  const paragraphs = db
    .prepare(
      `SELECT DISTINCT m1.source_id AS sourceId, m1.paragraph FROM mentions m1
       JOIN mentions m2 ON m2.source_id = m1.source_id AND m2.paragraph = m1.paragraph
       WHERE m1.entity_id = ? AND m2.entity_id = ? ORDER BY m1.source_id, m1.paragraph`,
    )
    .all(a, b) as { sourceId: string; paragraph: number }[];
  return { excerptIds, paragraphs };
}

/** Pairs of tags on the same excerpts. */
export function tagCooccurrence(db: Db): { a: string; b: string; excerpts: number }[] {
  return db
    .prepare(
      `SELECT t1.name AS a, t2.name AS b, count(*) AS excerpts
       FROM excerpt_tags x JOIN excerpt_tags y ON y.excerpt_id = x.excerpt_id AND x.tag_id < y.tag_id
       JOIN tags t1 ON t1.id = x.tag_id JOIN tags t2 ON t2.id = y.tag_id
       GROUP BY x.tag_id, y.tag_id ORDER BY excerpts DESC, a, b`,
    )
    .all() as { a: string; b: string; excerpts: number }[];
}

/** Sources where an entity has mentions now. */
export function sourcesMentioning(db: Db, entityId: string): string[] {
  return db.prepare(`SELECT DISTINCT source_id FROM mentions WHERE entity_id = ?`).pluck().all(entityId) as string[];
}

/** Journals a scan of the corpus for `name` of an entity (call in the transaction that adds the name). */
export function journalScan(db: Db, entityId: string, name: string): void {
  db.prepare(`INSERT OR IGNORE INTO pending_scans (entity_id, name, created_at) VALUES (?, ?, ?)`).run(entityId, name, new Date().toISOString());
}

/** The scan for `name` is complete. */
export function scanDone(db: Db, entityId: string, name: string): void {
  db.prepare(`DELETE FROM pending_scans WHERE entity_id = ? AND name = ?`).run(entityId, name);
}

/** Scans journaled and not finished: interrupted ones, oldest first. */
export function pendingScans(db: Db): { entityId: string; name: string }[] {
  return db.prepare(`SELECT entity_id AS entityId, name FROM pending_scans ORDER BY created_at`).all() as { entityId: string; name: string }[];
}
