import type { Db } from './workspace';

/** Tags are case-insensitive labels; `/` makes a hierarchy (`military/drones`). */
export function normalizeTag(raw: string): string {
  return raw
    .split('/')
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .join('/');
}

export function setExcerptTags(db: Db, excerptId: string, tags: readonly string[]): void {
  db.prepare(`DELETE FROM excerpt_tags WHERE excerpt_id = ?`).run(excerptId);
  const upsert = db.prepare(`INSERT INTO tags (name) VALUES (?) ON CONFLICT(name) DO UPDATE SET name = name RETURNING id`);
  const link = db.prepare(`INSERT OR IGNORE INTO excerpt_tags (excerpt_id, tag_id) VALUES (?, ?)`);
  for (const raw of tags) {
    const name = normalizeTag(raw);
    if (!name) continue;
    const { id } = upsert.get(name) as { id: number };
    link.run(excerptId, id);
  }
}

/**
 * Adds and removes tags on several sources at once (the library's bulk Tag…), in the
 * caller's transaction. Returns how many sources there were; the caller checks they exist.
 */
export function tagSources(db: Db, sourceIds: readonly string[], add: readonly string[], remove: readonly string[]): void {
  const upsert = db.prepare(`INSERT INTO tags (name) VALUES (?) ON CONFLICT(name) DO UPDATE SET name = name RETURNING id`);
  const link = db.prepare(`INSERT OR IGNORE INTO source_tags (source_id, tag_id) VALUES (?, ?)`);
  const unlink = db.prepare(`DELETE FROM source_tags WHERE source_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)`);
  for (const raw of add) {
    const name = normalizeTag(raw);
    if (!name) continue;
    const { id } = upsert.get(name) as { id: number };
    for (const s of sourceIds) link.run(s, id);
  }
  for (const raw of remove) {
    const name = normalizeTag(raw);
    if (name) for (const s of sourceIds) unlink.run(s, name);
  }
}

/** Each source's tags, by name (sources without any are left out). */
export function tagsOfSources(db: Db, sourceIds: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!sourceIds.length) return out;
  const rows = db
    .prepare(`SELECT st.source_id, t.name FROM source_tags st JOIN tags t ON t.id = st.tag_id WHERE st.source_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`)
    .all(JSON.stringify(sourceIds)) as { source_id: string; name: string }[];
  for (const r of rows) out.set(r.source_id, [...(out.get(r.source_id) ?? []), r.name]);
  return out;
}

export function listTags(db: Db): { name: string; count: number }[] {
  return db
    .prepare(
      // Tags in use: on an excerpt (`count` of them) or only on sources (count 0).
      `SELECT t.name, (SELECT count(*) FROM excerpt_tags et WHERE et.tag_id = t.id) AS count FROM tags t
       WHERE EXISTS (SELECT 1 FROM excerpt_tags et WHERE et.tag_id = t.id) OR EXISTS (SELECT 1 FROM source_tags st WHERE st.tag_id = t.id)
       ORDER BY t.name COLLATE NOCASE`,
    )
    .all() as { name: string; count: number }[];
}

/** Excerpts tagged with both tags: the passages behind a tag co-occurrence cell. */
export function excerptIdsWithTags(db: Db, a: string, b: string): string[] {
  return (
    db
      .prepare(
        `SELECT x.excerpt_id AS id FROM excerpt_tags x JOIN tags t1 ON t1.id = x.tag_id
         JOIN excerpt_tags y ON y.excerpt_id = x.excerpt_id JOIN tags t2 ON t2.id = y.tag_id
         WHERE t1.name = ? AND t2.name = ?`,
      )
      .all(a, b) as { id: string }[]
  ).map((r) => r.id);
}
