import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../db/workspace';
import { migrations } from '../../../db/migrations';

describe('migration 007 (recognition cache)', () => {
  it('adds the per-text cache of recognised names to a version-6 workspace, keeping its sources', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 6));
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO sources (id, title, original_format, captured_at, created_at, updated_at) VALUES ('src_a', 'Kept', 'text', ?, ?, ?)`).run(now, now, now);
    migrate(db, migrations.slice(0, 7));
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare('SELECT title FROM sources').pluck().all()).toEqual(['Kept']);
    const put = db.prepare('INSERT INTO recognised_names (content_hash, recogniser, names) VALUES (?, ?, ?)');
    put.run('h1', 'compromise-14', '["Kestrava"]');
    put.run('h1', 'other', '[]');
    // One result per text and recogniser.
    expect(() => put.run('h1', 'compromise-14', '[]')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => put.run('h2', 'compromise-14', null)).toThrow(/NOT NULL/);
  });
});
