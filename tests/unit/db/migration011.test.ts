import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../db/workspace';
import { migrations } from '../../../db/migrations';

describe('migration 011 (trash)', () => {
  it('adds the Trash, which holds only known kinds with a JSON payload', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 10));
    migrate(db, migrations.slice(0, 11));
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    const insert = db.prepare(`INSERT INTO trash (id, kind, title, deleted_at, payload) VALUES (?, ?, 'T', '2026-12-04T00:00:00Z', ?)`);
    insert.run('exc_a', 'excerpt', '[]');
    expect(() => insert.run('xyz_b', 'widget', '[]')).toThrow(/CHECK/);
    expect(() => insert.run('exc_c', 'excerpt', 'not json')).toThrow(/CHECK/);
    expect(db.prepare('SELECT id FROM trash').pluck().all()).toEqual(['exc_a']);
  });
});
