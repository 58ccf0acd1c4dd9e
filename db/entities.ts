import type { Db } from './workspace';
import type { Entity, EntityRef, EntityType } from './domain';
import { newId, nowIso } from './ids';

interface EntityRow {
  id: string;
  name: string;
  type: EntityType;
  description: string;
  excerpt_count: number;
}

const toEntity = (r: EntityRow): Entity => ({ id: r.id, name: r.name, type: r.type, description: r.description, excerptCount: r.excerpt_count });

export function listEntities(db: Db): Entity[] {
  return (
    db
      .prepare(
        `SELECT e.*, (SELECT count(*) FROM excerpt_entities x WHERE x.entity_id = e.id) AS excerpt_count FROM entities e ORDER BY e.name COLLATE NOCASE`,
      )
      .all() as EntityRow[]
  ).map(toEntity);
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
