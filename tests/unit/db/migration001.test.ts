import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../db/workspace';
import { migration001 } from '../../../db/migrations/001_initial';

describe('migration 001 (initial schema)', () => {
  it('creates the tables and keeps the full-text indexes in sync through triggers', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, [migration001]);
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO sources (id, title, original_format, captured_at, created_at, updated_at) VALUES ('src_a', 'Harbour report', 'text', ?, ?, ?)`).run(now, now, now);
    db.prepare(`INSERT INTO source_versions (source_id, version, text, content_hash, created_at) VALUES ('src_a', 1, 'The ferry left at dawn.', 'h', ?)`).run(now);
    const match = (q: string) => db.prepare(`SELECT count(*) AS n FROM sources_fts WHERE sources_fts MATCH ?`).get(q) as { n: number };
    expect(match('ferry').n).toBe(1);
    db.prepare(`UPDATE sources SET title = 'Port report' WHERE id = 'src_a'`).run();
    expect(match('title:port').n).toBe(1);
    expect(match('title:harbour').n).toBe(0);
    db.prepare(`DELETE FROM sources WHERE id = 'src_a'`).run();
    expect(match('ferry').n).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM source_versions').get()).toEqual({ n: 0 });
  });

  it('rejects an excerpt that covers no text', () => {
    const db = new Database(':memory:');
    migrate(db, [migration001]);
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO sources (id, title, original_format, captured_at, created_at, updated_at) VALUES ('src_a', 'T', 'text', ?, ?, ?)`).run(now, now, now);
    expect(() =>
      db.prepare(`INSERT INTO excerpts (id, source_id, version, start, end, quote, created_at, updated_at) VALUES ('exc_a', 'src_a', 1, 5, 5, '', ?, ?)`).run(now, now),
    ).toThrow(/CHECK/);
  });
});
