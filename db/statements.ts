import type { Statement } from 'better-sqlite3';
import type { Db } from './workspace';

// Compiling a statement costs more than running a small one: the hot paths of import
// (thousands of files a run) reuse theirs, per connection.
const caches = new WeakMap<Db, Map<string, Statement>>();

export function prepared(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}
