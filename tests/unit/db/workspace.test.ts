import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { openWorkspace, migrate, WorkspaceError } from '../../../db/workspace';
import { latestVersion, migrations } from '../../../db/migrations';
import { insertSource, getSource } from '../../../db/sources';
import { tempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

describe('workspace file', () => {
  it('creates a new workspace in WAL mode at the latest schema version', () => {
    const db = openWorkspace(tmp.path('new.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('keeps what was stored across reopen', () => {
    const path = tmp.path('keep.sqlite');
    const db = openWorkspace(path);
    const id = insertSource(db, { title: 'T', author: null, publisher: null, publishedAt: null, url: null, language: null, format: 'text', originalName: 't.txt', text: 'Body text', original: null });
    db.close();
    const again = openWorkspace(path);
    expect(getSource(again, id)?.text).toBe('Body text');
    again.close();
  });

  it('refuses a workspace written by a newer version and leaves it untouched', () => {
    const path = tmp.path('newer.sqlite');
    const raw = new Database(path);
    raw.pragma(`user_version = ${latestVersion + 1}`);
    raw.exec('CREATE TABLE future (x)');
    raw.close();
    const before = readFileSync(path);
    expect(() => openWorkspace(path)).toThrow(WorkspaceError);
    expect(() => openWorkspace(path)).toThrow(/newer Sourcebook/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite and leaves it byte-for-byte untouched', () => {
    const path = tmp.path('notes.sqlite');
    writeFileSync(path, 'These are my notes, not a database.\n'.repeat(100));
    const before = readFileSync(path);
    expect(() => openWorkspace(path)).toThrow(/not a Sourcebook workspace/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a damaged SQLite file with a clear message and leaves it untouched', () => {
    const path = tmp.path('damaged.sqlite');
    const db = openWorkspace(path);
    for (let i = 0; i < 200; i++) {
      insertSource(db, { title: `Source ${i}`, author: null, publisher: null, publishedAt: null, url: null, language: null, format: 'text', originalName: null, text: `text ${i} `.repeat(200), original: null });
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(path);
    // Keep the header, scribble over the pages that hold the tables.
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = 0xa5;
    writeFileSync(path, bytes);
    expect(() => openWorkspace(path)).toThrow(WorkspaceError);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('applies each migration once, in order, in its own transaction', () => {
    const db = new Database(':memory:');
    const failing = [...migrations, { version: latestVersion + 1, name: 'broken', up: 'CREATE TABLE ok_table (x); THIS IS NOT SQL;' }];
    expect(() => migrate(db, failing)).toThrow();
    // The good migrations landed; the broken one left nothing behind.
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'ok_table'`).get()).toEqual({ n: 0 });
    migrate(db, migrations); // idempotent
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
  });
});
