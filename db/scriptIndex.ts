import type { Db } from './workspace';
import { prepared } from './statements';
import { cjkIndexText } from '../common/cjk';

// The pair index of Chinese, Japanese and Korean text (migration 018, common/cjk.ts).
// Triggers queue each source whose current title or text has CJK characters; the pairs
// are made here, in JavaScript, because FTS5 has no tokenizer that makes them and
// better-sqlite3 cannot register one. Called after every write of a source's text and
// before a search, so the queue is normally empty and this is one indexed lookup.

/** Indexes the queued sources' pairs. Does nothing on a read-only connection. */
export function indexQueuedCjk(db: Db): void {
  if (db.readonly || !prepared(db, `SELECT 1 FROM sources_cjk_pending LIMIT 1`).get()) return;
  const run = () => {
    const rows = prepared(db, `SELECT p.seq, s.title, v.text FROM sources_cjk_pending p JOIN sources s ON s.seq = p.seq JOIN source_versions v ON v.source_id = s.id AND v.version = s.current_version`).all() as {
      seq: number;
      title: string;
      text: string;
    }[];
    const remove = prepared(db, `DELETE FROM sources_cjk WHERE rowid = ?`);
    const insert = prepared(db, `INSERT INTO sources_cjk(rowid, pairs) VALUES (?, ?)`);
    for (const r of rows) {
      remove.run(r.seq);
      const pairs = cjkIndexText(`${r.title}\n${r.text}`);
      if (pairs) insert.run(r.seq, pairs);
    }
    prepared(db, `DELETE FROM sources_cjk_pending`).run();
  };
  if (db.inTransaction) run();
  else db.transaction(run).immediate();
}
