import type { Db } from './workspace';
import type { Entity, EntityRef, EntityType } from './domain';
import { newId, nowIso } from './ids';
import { prepared } from './statements';

interface EntityRow {
  id: string;
  name: string;
  type: EntityType;
  description: string;
  excerpt_count: number;
  mention_count: number;
  aliases: string;
  match_transliteration: number;
}

const toEntity = (r: EntityRow): Entity => ({
  id: r.id,
  name: r.name,
  type: r.type,
  description: r.description,
  aliases: (JSON.parse(r.aliases) as (string | null)[]).filter((a): a is string => a !== null).sort(),
  excerptCount: r.excerpt_count,
  mentionCount: r.mention_count,
  matchTransliteration: r.match_transliteration === 1,
});

const ENTITY_SELECT = `SELECT e.*,
  (SELECT count(*) FROM excerpt_entities x WHERE x.entity_id = e.id) AS excerpt_count,
  (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mention_count,
  (SELECT json_group_array(alias) FROM entity_aliases a WHERE a.entity_id = e.id) AS aliases
  FROM entities e`;

export function listEntities(db: Db): Entity[] {
  return (db.prepare(`${ENTITY_SELECT} ORDER BY e.name COLLATE NOCASE`).all() as EntityRow[]).map(toEntity);
}

export function findEntityByName(db: Db, name: string): EntityRef | null {
  return (db.prepare(`SELECT id, name, type FROM entities WHERE name = ? COLLATE NOCASE`).get(name.trim()) as EntityRef | undefined) ?? null;
}

export function createEntity(db: Db, name: string, type: EntityType, description = ''): EntityRef {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw new Error('An entity needs a name.');
  const id = newId('ent');
  db.prepare(`INSERT INTO entities (id, name, type, description, created_at) VALUES (?, ?, ?, ?, ?)`).run(id, clean, type, description, nowIso());
  return { id, name: clean, type };
}

/** The entity of that name (case-insensitive), created with `type` when there is none. */
export function ensureEntity(db: Db, name: string, type: EntityType): EntityRef {
  return findEntityByName(db, name) ?? createEntity(db, name, type);
}

export function setExcerptEntities(db: Db, excerptId: string, entityIds: readonly string[]): void {
  db.prepare(`DELETE FROM excerpt_entities WHERE excerpt_id = ?`).run(excerptId);
  const link = db.prepare(`INSERT OR IGNORE INTO excerpt_entities (excerpt_id, entity_id) VALUES (?, ?)`);
  for (const id of entityIds) link.run(excerptId, id);
}

export function getEntity(db: Db, id: string): Entity | null {
  const row = db.prepare(`${ENTITY_SELECT} WHERE e.id = ?`).get(id) as EntityRow | undefined;
  return row ? toEntity(row) : null;
}

export function aliasesOf(db: Db, entityId: string): string[] {
  return (db.prepare(`SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias`).all(entityId) as { alias: string }[]).map((r) => r.alias);
}

/** Every name the corpus is scanned for: canonical names and aliases. */
/**
 * Changes whenever any entity name or alias does (migration 009): a cache of allNames may
 * be kept while it is the same. Null in a workspace opened read-only before that migration.
 */
export function namesToken(db: Db): number | null {
  try {
    return (prepared(db, `SELECT token FROM name_registry WHERE id = 1`).get() as { token: number } | undefined)?.token ?? null;
  } catch {
    return null;
  }
}

export function allNames(db: Db): { entityId: string; alias: string }[] {
  return prepared(db, `SELECT id AS entityId, name AS alias FROM entities UNION ALL SELECT entity_id, alias FROM entity_aliases`).all() as {
    entityId: string;
    alias: string;
  }[];
}

/** The entities whose Latin names also match their Cyrillic transliteration. */
export function transliteratedEntityIds(db: Db): Set<string> {
  return new Set(prepared(db, `SELECT id FROM entities WHERE match_transliteration = 1`).pluck().all() as string[]);
}

export function setMatchTransliteration(db: Db, id: string, on: boolean): boolean {
  return db.prepare(`UPDATE entities SET match_transliteration = ? WHERE id = ? AND match_transliteration <> ?`).run(on ? 1 : 0, id, on ? 1 : 0).changes > 0;
}

/** Adds an alias; false when the entity already has it (or it is its name). */
export function addAlias(db: Db, entityId: string, alias: string): boolean {
  const clean = alias.trim().replace(/\s+/g, ' ');
  const entity = getEntity(db, entityId);
  if (!clean || !entity || entity.name.toLowerCase() === clean.toLowerCase()) return false;
  return db.prepare(`INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)`).run(entityId, clean).changes > 0;
}

export function removeAlias(db: Db, entityId: string, alias: string): boolean {
  return db.prepare(`DELETE FROM entity_aliases WHERE entity_id = ? AND alias = ?`).run(entityId, alias.trim()).changes > 0;
}

export function renameEntity(db: Db, id: string, name: string): void {
  db.prepare(`UPDATE entities SET name = ? WHERE id = ?`).run(name.trim().replace(/\s+/g, ' '), id);
}

export function deleteEntity(db: Db, id: string): boolean {
  return db.prepare(`DELETE FROM entities WHERE id = ?`).run(id).changes > 0;
}

interface MergeSnapshot {
  entity: { id: string; name: string; type: EntityType; description: string; created_at: string };
  aliases: string[];
  excerpts: string[];
  /** Excerpts that had both entities: they keep the survivor after an undo too. */
  sharedExcerpts: string[];
  mentions: { source_id: string; start: number; end: number; text: string; paragraph: number }[];
  dismissals: { source_id: string; start: number; text: string }[];
  relationsFrom: string[];
  relationsTo: string[];
  /** Aliases the survivor gained from the merge (the merged entity's name and aliases). */
  gainedAliases: string[];
}

/**
 * Merges `otherId` into `keepId`: its excerpts, mentions, aliases (and its name, as an
 * alias) and relationships follow the survivor; citations follow their excerpts. What
 * changed is recorded so `undoMerge` can put it back.
 */
export function mergeEntities(db: Db, keepId: string, otherId: string): number {
  return db.transaction(() => {
    const other = db.prepare(`SELECT * FROM entities WHERE id = ?`).get(otherId) as MergeSnapshot['entity'] | undefined;
    if (!other || !getEntity(db, keepId) || keepId === otherId) throw new Error('merge needs two different existing entities');
    const excerpts = (db.prepare(`SELECT excerpt_id FROM excerpt_entities WHERE entity_id = ?`).all(otherId) as { excerpt_id: string }[]).map((r) => r.excerpt_id);
    const shared = new Set((db.prepare(`SELECT excerpt_id FROM excerpt_entities WHERE entity_id = ?`).all(keepId) as { excerpt_id: string }[]).map((r) => r.excerpt_id));
    const aliases = aliasesOf(db, otherId);
    const before = new Set(aliasesOf(db, keepId).map((a) => a.toLowerCase()));
    const snapshot: MergeSnapshot = {
      entity: other,
      aliases,
      excerpts,
      sharedExcerpts: excerpts.filter((x) => shared.has(x)),
      mentions: db.prepare(`SELECT source_id, start, end, text, paragraph FROM mentions WHERE entity_id = ?`).all(otherId) as MergeSnapshot['mentions'],
      dismissals: db.prepare(`SELECT source_id, start, text FROM mention_dismissals WHERE entity_id = ?`).all(otherId) as MergeSnapshot['dismissals'],
      relationsFrom: (db.prepare(`SELECT id FROM relations WHERE from_id = ?`).all(otherId) as { id: string }[]).map((r) => r.id),
      relationsTo: (db.prepare(`SELECT id FROM relations WHERE to_id = ?`).all(otherId) as { id: string }[]).map((r) => r.id),
      gainedAliases: [other.name, ...aliases].filter((a) => !before.has(a.toLowerCase())),
    };
    db.prepare(`INSERT OR IGNORE INTO excerpt_entities (excerpt_id, entity_id) SELECT excerpt_id, ? FROM excerpt_entities WHERE entity_id = ?`).run(keepId, otherId);
    db.prepare(`UPDATE OR REPLACE mentions SET entity_id = ? WHERE entity_id = ?`).run(keepId, otherId);
    db.prepare(`INSERT OR IGNORE INTO mention_dismissals (source_id, entity_id, start, text) SELECT source_id, ?, start, text FROM mention_dismissals WHERE entity_id = ?`).run(keepId, otherId);
    db.prepare(`UPDATE relations SET from_id = ? WHERE from_id = ?`).run(keepId, otherId);
    db.prepare(`UPDATE relations SET to_id = ? WHERE to_id = ?`).run(keepId, otherId);
    for (const alias of snapshot.gainedAliases) addAlias(db, keepId, alias);
    db.prepare(`DELETE FROM entities WHERE id = ?`).run(otherId);
    const { lastInsertRowid } = db
      .prepare(`INSERT INTO entity_merges (survivor_id, merged_id, snapshot, created_at) VALUES (?, ?, ?, ?)`)
      .run(keepId, otherId, JSON.stringify(snapshot), nowIso());
    return Number(lastInsertRowid);
  }).immediate();
}

/** Undoes a merge: the merged entity comes back with everything it had. */
export function undoMerge(db: Db, mergeId: number): { survivorId: string; restoredId: string } {
  return db.transaction(() => {
    const row = db.prepare(`SELECT * FROM entity_merges WHERE id = ? AND undone_at IS NULL`).get(mergeId) as
      | { survivor_id: string; merged_id: string; snapshot: string }
      | undefined;
    if (!row) throw new Error(`No merge ${mergeId} to undo`);
    const s = JSON.parse(row.snapshot) as MergeSnapshot;
    const e = s.entity;
    for (const alias of s.gainedAliases) removeAlias(db, row.survivor_id, alias);
    db.prepare(`INSERT INTO entities (id, name, type, description, created_at) VALUES (?, ?, ?, ?, ?)`).run(e.id, e.name, e.type, e.description, e.created_at);
    for (const alias of s.aliases) db.prepare(`INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)`).run(e.id, alias);
    const shared = new Set(s.sharedExcerpts);
    for (const x of s.excerpts) {
      db.prepare(`INSERT OR IGNORE INTO excerpt_entities (excerpt_id, entity_id) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM excerpts WHERE id = ?)`).run(x, e.id, x);
      if (!shared.has(x)) db.prepare(`DELETE FROM excerpt_entities WHERE excerpt_id = ? AND entity_id = ?`).run(x, row.survivor_id);
    }
    for (const m of s.mentions) {
      db.prepare(`UPDATE mentions SET entity_id = ? WHERE source_id = ? AND start = ? AND entity_id = ?`).run(e.id, m.source_id, m.start, row.survivor_id);
    }
    for (const d of s.dismissals) {
      db.prepare(`INSERT OR IGNORE INTO mention_dismissals (source_id, entity_id, start, text) VALUES (?, ?, ?, ?)`).run(d.source_id, e.id, d.start, d.text);
    }
    for (const id of s.relationsFrom) db.prepare(`UPDATE relations SET from_id = ? WHERE id = ?`).run(e.id, id);
    for (const id of s.relationsTo) db.prepare(`UPDATE relations SET to_id = ? WHERE id = ?`).run(e.id, id);
    db.prepare(`UPDATE entity_merges SET undone_at = ? WHERE id = ?`).run(nowIso(), mergeId);
    return { survivorId: row.survivor_id, restoredId: e.id };
  }).immediate();
}

export function updateEntityFields(db: Db, id: string, patch: { type?: EntityType; description?: string }): void {
  if (patch.type !== undefined) db.prepare(`UPDATE entities SET type = ? WHERE id = ?`).run(patch.type, id);
  if (patch.description !== undefined) db.prepare(`UPDATE entities SET description = ? WHERE id = ?`).run(patch.description, id);
}

/** The excerpts tagged with an entity. */
export function excerptIdsOfEntity(db: Db, entityId: string): string[] {
  return db.prepare(`SELECT excerpt_id FROM excerpt_entities WHERE entity_id = ?`).pluck().all(entityId) as string[];
}

/** Tags an excerpt with an entity (kept if it is already); false if either is gone. */
export function linkExcerptToEntity(db: Db, excerptId: string, entityId: string): boolean {
  return db.prepare(`INSERT OR IGNORE INTO excerpt_entities (excerpt_id, entity_id) SELECT x.id, e.id FROM excerpts x, entities e WHERE x.id = ? AND e.id = ?`).run(excerptId, entityId).changes > 0;
}
