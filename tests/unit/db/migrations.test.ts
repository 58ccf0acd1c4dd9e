// The migration list itself: numbered 1..N without a gap, one file per migration named by
// its number, every file listed, and a migration applied whole or not at all, whether its
// `up` is SQL or a function (a data migration).
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../../../db/workspace';
import { latestVersion, migrations } from '../../../db/migrations';
import type { Migration } from '../../../db/migrations/migration';

describe('the migration list', () => {
  it('runs 1..N without gaps, one file per migration, each named by its number and listed', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(latestVersion).toBe(migrations.length);
    const files = readdirSync(join(__dirname, '../../../db/migrations')).filter((f) => /^\d{3}_.+\.ts$/.test(f)).sort();
    expect(files.map((f) => Number(f.slice(0, 3)))).toEqual(migrations.map((m) => m.version));
    for (const m of migrations) expect(m.name.trim().length, `migration ${m.version} has a name`).toBeGreaterThan(0);
  });

  it('applies a function migration in the same transaction as its version: a failure leaves nothing behind', () => {
    const db = new Database(':memory:');
    const first: Migration = { version: 1, name: 'table', up: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);' };
    const data: Migration = {
      version: 2,
      name: 'rewrite bodies',
      up: (conn) => {
        for (const row of conn.prepare('SELECT id, body FROM notes').all() as { id: number; body: string }[]) {
          conn.prepare('UPDATE notes SET body = ? WHERE id = ?').run(row.body.toUpperCase(), row.id);
        }
      },
    };
    migrate(db, [first]);
    db.prepare("INSERT INTO notes (body) VALUES ('harbour'), ('quay')").run();
    const failing: Migration = {
      version: 2,
      name: 'half done',
      up: (conn) => {
        conn.prepare("UPDATE notes SET body = 'lost'").run();
        throw new Error('disk full');
      },
    };
    expect(() => migrate(db, [first, failing])).toThrow('disk full');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare('SELECT body FROM notes ORDER BY id').pluck().all()).toEqual(['harbour', 'quay']);
    migrate(db, [first, data]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT body FROM notes ORDER BY id').pluck().all()).toEqual(['HARBOUR', 'QUAY']);
  });
});
