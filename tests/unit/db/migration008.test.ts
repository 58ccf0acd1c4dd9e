import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../db/workspace';
import { migrations } from '../../../db/migrations';

describe('migration 008 (source lookup)', () => {
  it('indexes the lookups that find a possible earlier version of an imported file', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 7));
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO sources (id, title, original_format, url, original_name, captured_at, created_at, updated_at) VALUES ('src_a', 'Kept', 'html', 'https://news.example/a', 'a.html', ?, ?, ?)`).run(now, now, now);
    migrate(db, migrations.slice(0, 8));
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan("SELECT id FROM sources WHERE url = 'https://news.example/a'")).toMatch(/USING INDEX sources_url/);
    expect(plan("SELECT id FROM sources WHERE original_name = 'a.html' AND title = 'Kept'")).toMatch(/USING INDEX sources_name_title/);
    expect(db.prepare("SELECT id FROM sources WHERE url = 'https://news.example/a'").pluck().get()).toBe('src_a');
  });
});
