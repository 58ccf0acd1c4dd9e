import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../db/workspace';
import { migrations } from '../../../db/migrations';

describe('migration 016 (library order)', () => {
  const plan = (db: Database.Database, sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');

  it('counts the excerpts each source has, and keeps counting', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 15));
    const now = new Date().toISOString();
    const source = db.prepare(`INSERT INTO sources (id, title, original_format, captured_at, created_at, updated_at) VALUES (?, ?, 'text', ?, ?, ?)`);
    const excerpt = db.prepare(`INSERT INTO excerpts (id, source_id, version, start, end, quote, created_at, updated_at) VALUES (?, ?, 1, 0, 4, 'Port', ?, ?)`);
    source.run('src_a', 'A', now, now, now);
    source.run('src_b', 'B', now, now, now);
    for (const id of ['exc_1', 'exc_2']) excerpt.run(id, 'src_a', now, now);
    migrate(db, migrations.slice(0, 16));
    expect(db.pragma('user_version', { simple: true })).toBe(16);
    const counts = () => Object.fromEntries((db.prepare(`SELECT id, excerpt_count FROM sources ORDER BY id`).raw().all() as [string, number][]).map(([id, n]) => [id, n]));
    expect(counts()).toEqual({ src_a: 2, src_b: 0 });
    excerpt.run('exc_3', 'src_b', now, now);
    db.prepare(`DELETE FROM excerpts WHERE id = 'exc_1'`).run();
    expect(counts()).toEqual({ src_a: 1, src_b: 1 });
    db.prepare(`UPDATE excerpts SET source_id = 'src_b' WHERE id = 'exc_2'`).run();
    expect(counts()).toEqual({ src_a: 0, src_b: 2 });
    // A source row written back whole (the Trash, a merge) carries a count: it is counted afresh.
    source.run('src_c', 'C', now, now, now);
    db.prepare(`UPDATE sources SET excerpt_count = 7 WHERE id = 'src_c'`).run();
    db.prepare(`DELETE FROM sources WHERE id = 'src_c'`).run();
    db.prepare(`INSERT INTO sources (id, title, original_format, captured_at, created_at, updated_at, excerpt_count) VALUES ('src_c', 'C', 'text', ?, ?, ?, 7)`).run(now, now, now);
    expect(counts()).toMatchObject({ src_c: 0 });
  });

  it('walks an index for every order of the library, both ways, without sorting', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 16));
    const orders = [
      's.created_at DESC, s.seq DESC',
      's.created_at, s.seq',
      's.title COLLATE NOCASE, s.seq',
      's.title COLLATE NOCASE DESC, s.seq DESC',
      's.excerpt_count DESC, s.seq DESC',
      's.published_at IS NULL, s.published_at, s.seq',
      's.published_at IS NOT NULL DESC, s.published_at DESC, s.seq DESC',
      's.publisher IS NULL, s.publisher COLLATE NOCASE, s.seq',
      's.publisher IS NOT NULL DESC, s.publisher COLLATE NOCASE DESC, s.seq DESC',
    ];
    for (const order of orders) {
      const detail = plan(db, `SELECT s.seq FROM sources s ORDER BY ${order} LIMIT 100 OFFSET 1000`);
      expect(detail, order).toMatch(/SCAN s USING COVERING INDEX sources_by_/);
      expect(detail, order).not.toMatch(/TEMP B-TREE/);
    }
    // The filter reads title and publisher from one index.
    expect(plan(db, `SELECT count(*) FROM sources x WHERE x.title LIKE '%a%' OR ifnull(x.publisher, '') LIKE '%a%'`)).toMatch(/COVERING INDEX sources_by_title/);
  });
});
