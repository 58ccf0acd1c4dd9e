// The Trash: a deleted source, excerpt, brief or entity is kept whole, as one record: its
// row and every row that hangs on it through an ON DELETE CASCADE foreign key (a source's
// versions, excerpts and mentions; an excerpt's tags, entities and relation evidence; a
// brief's citations and snapshots; an entity's aliases, tags, mentions and relations),
// found by walking the schema's foreign keys, so a table added later is kept too. Then the
// root row is deleted and the cascade removes the rest, as a plain delete did. Restoring
// puts the rows back parents first with their ids, so citations that point at a restored
// excerpt come back to life, and the FTS triggers index what comes back.
import type { Db } from './workspace';
import { nowIso } from './ids';
import { exists, insertRow, integerPrimaryKey, quoteName as quote, type Row } from './rows';

import type { TrashItem, TrashKind } from './domain';

export type { TrashItem, TrashKind };

/** Each kind's table and the words the Trash lists it by. */
const ROOTS: Record<TrashKind, { table: string; title: string }> = {
  source: { table: 'sources', title: 'title' },
  excerpt: { table: 'excerpts', title: 'quote' },
  brief: { table: 'briefs', title: 'title' },
  entity: { table: 'entities', title: 'name' },
};

interface TableRows {
  table: string;
  rows: Row[];
}

/** A restore that cannot happen (its source is in the Trash too, its name is taken): the message says why. */
export class TrashRestoreError extends Error {
  override name = 'TrashRestoreError';
}

interface ForeignKey {
  child: string;
  from: string;
  parent: string;
  to: string;
  cascade: boolean;
}

const keysOf = new WeakMap<Db, ForeignKey[]>();

/** Every single-column foreign key of the schema (the workspace has no composite ones). */
function foreignKeys(db: Db): ForeignKey[] {
  let keys = keysOf.get(db);
  if (keys) return keys;
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  keys = tables.flatMap((child) =>
    (db.prepare(`SELECT "table" AS parent, "from", "to", on_delete FROM pragma_foreign_key_list(?)`).all(child) as { parent: string; from: string; to: string; on_delete: string }[]).map((k) => ({
      child,
      from: k.from,
      parent: k.parent,
      to: k.to,
      cascade: k.on_delete.toUpperCase() === 'CASCADE',
    })),
  );
  keysOf.set(db, keys);
  return keys;
}

/** The root rows and everything that cascades from them, parents before children, each row once. */
function closure(db: Db, table: string, column: string, value: unknown): TableRows[] {
  const out: TableRows[] = [];
  const seen = new Map<string, Set<string>>();
  const queue: { table: string; rows: Row[] }[] = [];
  const add = (t: string, rows: Row[]) => {
    const keys = seen.get(t) ?? new Set<string>();
    seen.set(t, keys);
    const fresh = rows.filter((r) => {
      const key = JSON.stringify(Object.values(r).map((v) => (Buffer.isBuffer(v) ? `blob:${v.length}` : v)));
      if (keys.has(key)) return false;
      keys.add(key);
      return true;
    });
    if (fresh.length === 0) return;
    out.push({ table: t, rows: fresh });
    queue.push({ table: t, rows: fresh });
  };
  add(table, db.prepare(`SELECT * FROM ${quote(table)} WHERE ${quote(column)} = ?`).all(value) as Row[]);
  while (queue.length > 0) {
    const { table: parent, rows } = queue.shift()!;
    for (const key of foreignKeys(db).filter((k) => k.parent === parent && k.cascade)) {
      const select = db.prepare(`SELECT * FROM ${quote(key.child)} WHERE ${quote(key.from)} = ?`);
      add(key.child, rows.flatMap((r) => select.all(r[key.to]) as Row[]));
    }
  }
  return out;
}

// Original bytes are BLOBs: JSON carries them as base64 (converted before stringify, which
// would otherwise spell a Buffer out as an array of numbers).
const encode = (tables: TableRows[]) =>
  JSON.stringify(tables.map(({ table, rows }) => ({ table, rows: rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Buffer.isBuffer(v) ? { $blob: v.toString('base64') } : v]))) })));
const decode = (payload: string) => JSON.parse(payload, (_, v: unknown) => (v && typeof v === 'object' && typeof (v as { $blob?: unknown }).$blob === 'string' ? Buffer.from((v as { $blob: string }).$blob, 'base64') : v)) as TableRows[];

/** Moves an item and all that hangs on it to the Trash; false if there is no such item. */
export function trashItem(db: Db, kind: TrashKind, id: string): boolean {
  const root = ROOTS[kind];
  return db.transaction(() => {
    const tables = closure(db, root.table, 'id', id);
    if (tables.length === 0) return false;
    const title = String(tables[0].rows[0][root.title] ?? '');
    db.prepare(`INSERT OR REPLACE INTO trash (id, kind, title, deleted_at, payload) VALUES (?, ?, ?, ?, ?)`).run(id, kind, title, nowIso(), encode(tables));
    db.prepare(`DELETE FROM ${quote(root.table)} WHERE id = ?`).run(id);
    return true;
  }).immediate();
}

/** The Trash, most recently deleted first. */
export function listTrash(db: Db): TrashItem[] {
  return db.prepare(`SELECT kind, id, title, deleted_at AS deletedAt FROM trash ORDER BY deleted_at DESC, rowid DESC`).all() as TrashItem[];
}

export function getTrashItem(db: Db, id: string): TrashItem | null {
  return (db.prepare(`SELECT kind, id, title, deleted_at AS deletedAt FROM trash WHERE id = ?`).get(id) as TrashItem | undefined) ?? null;
}

/**
 * Puts an item back as it was deleted. A row whose parent is gone meanwhile (an excerpt's
 * entity deleted since) stays out; the item itself needs its own parent (an excerpt its
 * source) and a free name. Returns the item, or null if it is not in the Trash.
 */
export function restoreItem(db: Db, id: string): TrashItem | null {
  return db.transaction(() => {
    const item = db.prepare(`SELECT kind, id, title, deleted_at AS deletedAt, payload FROM trash WHERE id = ?`).get(id) as (TrashItem & { payload: string }) | undefined;
    if (!item) return null;
    const tables = decode(item.payload);
    const keys = foreignKeys(db);
    tables.forEach(({ table, rows }, i) => {
      const parents = keys.filter((k) => k.child === table);
      const rowidAlias = integerPrimaryKey(db, table);
      for (const row of rows) {
        const missing = parents.find((k) => row[k.from] !== null && !exists(db, k.parent, k.to, row[k.from]));
        if (missing) {
          if (i === 0) throw new TrashRestoreError(`It belongs to ${missing.parent.replace(/s$/, '')} ${String(row[missing.from])}, which is no longer in the workspace: restore that first.`);
          continue;
        }
        // A rowid another row has taken since is given up (a new one is assigned): nothing refers to it by key.
        const omit = rowidAlias && exists(db, table, rowidAlias, row[rowidAlias]) ? [rowidAlias] : [];
        try {
          insertRow(db, table, row, { omit, orIgnore: i > 0 });
        } catch (err) {
          if (i === 0 && (err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) throw new TrashRestoreError(`Something of the same name or id exists now (${(err as Error).message}).`);
          throw err;
        }
      }
    });
    db.prepare(`DELETE FROM trash WHERE id = ?`).run(id);
    return { kind: item.kind, id: item.id, title: item.title, deletedAt: item.deletedAt };
  }).immediate();
}

/** Deletes items from the Trash for good: those named, or (no ids) all of them. Returns how many. */
export function deleteFromTrash(db: Db, ids?: readonly string[]): number {
  if (!ids) return db.prepare(`DELETE FROM trash`).run().changes;
  const del = db.prepare(`DELETE FROM trash WHERE id = ?`);
  return db.transaction(() => ids.reduce((n, id) => n + del.run(id).changes, 0)).immediate();
}

/** Deletes for good what has been in the Trash since before `cutoff` (an ISO time). */
export function purgeTrashBefore(db: Db, cutoff: string): number {
  return db.prepare(`DELETE FROM trash WHERE deleted_at < ?`).run(cutoff).changes;
}
