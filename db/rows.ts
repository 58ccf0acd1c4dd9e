// Rows as plain objects, for the operations that move whole records between places (the
// Trash, merging a workspace, an evidence package): read every column, write them back.
// Table and column names come from the schema, never from input.
import type { Db } from './workspace';

export type Row = Record<string, unknown>;

export const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every row of `table` whose `column` is one of `values` (in chunks, under SQLite's variable limit). */
export function rowsWhere(db: Db, table: string, column: string, values: readonly unknown[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < values.length; i += 500) {
    const chunk = values.slice(i, i + 500);
    out.push(...(db.prepare(`SELECT * FROM ${quoteName(table)} WHERE ${quoteName(column)} IN (${chunk.map(() => '?').join(', ')})`).all(...chunk) as Row[]));
  }
  return out;
}

export function allRows(db: Db, table: string): Row[] {
  return db.prepare(`SELECT * FROM ${quoteName(table)}`).all() as Row[];
}

/**
 * Columns the schema keeps up to date itself, by triggers on other tables: a row written
 * back leaves them to their default, and the rows that come back after it count
 * themselves in (a source's excerpt_count rises as each of its excerpts is inserted).
 * Writing the old value back would count those rows twice.
 */
const DERIVED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  sources: ['excerpt_count'],
};

/**
 * Inserts a row as given, less the `omit` columns (an INTEGER PRIMARY KEY another row has
 * taken, say) and the table's derived columns. `orIgnore`: a row that conflicts with one
 * already there is left out. Returns whether it was inserted.
 */
export function insertRow(db: Db, table: string, row: Row, options: { omit?: readonly string[]; orIgnore?: boolean } = {}): boolean {
  const derived = DERIVED_COLUMNS[table] ?? [];
  const columns = Object.keys(row).filter((c) => !options.omit?.includes(c) && !derived.includes(c));
  const sql = `INSERT ${options.orIgnore ? 'OR IGNORE ' : ''}INTO ${quoteName(table)} (${columns.map(quoteName).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  return db.prepare(sql).run(...columns.map((c) => row[c])).changes > 0;
}

/** The table's INTEGER PRIMARY KEY column (an alias of its rowid), if it has one. */
export function integerPrimaryKey(db: Db, table: string): string | null {
  const pk = (db.prepare(`SELECT name, type, pk FROM pragma_table_info(?)`).all(table) as { name: string; type: string; pk: number }[]).filter((c) => c.pk > 0);
  return pk.length === 1 && pk[0].type.toUpperCase() === 'INTEGER' ? pk[0].name : null;
}

/** Whether a row with `column` = `value` exists in `table`. */
export function exists(db: Db, table: string, column: string, value: unknown): boolean {
  return db.prepare(`SELECT 1 FROM ${quoteName(table)} WHERE ${quoteName(column)} = ? LIMIT 1`).get(value) !== undefined;
}
