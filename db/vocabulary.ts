import type { Db } from './workspace';
import { prepared } from './statements';

// The words the source index holds, read from FTS5 itself through an fts5vocab table in
// the connection's temp schema: nothing stored, nothing to keep up to date, and a lookup
// of one word is a seek of the index. Used to leave out stemmed forms no source has
// (db/searchQuery.ts) and to find the closest word to a misspelt one (db/spelling.ts).

const made = new WeakSet<Db>();

/** Makes temp.sources_vocab on this connection (once). */
export function vocabulary(db: Db): void {
  if (made.has(db)) return;
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.sources_vocab USING fts5vocab(main, 'sources_fts', 'row')`);
  made.add(db);
}

/** Does any source have this (folded) word? */
export function isIndexed(db: Db, term: string): boolean {
  vocabulary(db);
  return prepared(db, `SELECT 1 FROM temp.sources_vocab WHERE term = ?`).get(term) !== undefined;
}
