import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../db/workspace';
import { migration001 } from '../../../db/migrations/001_initial';
import { migration002 } from '../../../db/migrations/002_settings';
import { getSetting, setSetting } from '../../../db/settings';

describe('migration 002 (settings)', () => {
  it('upgrades a version-1 workspace without touching its data', () => {
    const db = new Database(':memory:');
    migrate(db, [migration001]);
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO sources (id, title, original_format, captured_at, created_at, updated_at) VALUES ('src_a', 'Kept', 'text', ?, ?, ?)`).run(now, now, now);
    migrate(db, [migration001, migration002]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare(`SELECT title FROM sources`).all()).toEqual([{ title: 'Kept' }]);
    expect(getSetting(db, 'x')).toBeNull();
    setSetting(db, 'x', '1');
    setSetting(db, 'x', '2');
    expect(getSetting(db, 'x')).toBe('2');
  });
});
