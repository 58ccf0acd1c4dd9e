import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { openWorkspace, migrate, WorkspaceError, APPLICATION_ID } from '../../../db/workspace';
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

  it('marks a new workspace with its application_id', () => {
    const db = openWorkspace(tmp.path('marked.sqlite'));
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it("never writes to another application's SQLite database", () => {
    const path = tmp.path('other-app.db');
    const raw = new Database(path);
    raw.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');");
    raw.close();
    const sha = () => createHash('sha256').update(readFileSync(path)).digest('hex');
    const before = sha();
    expect(() => openWorkspace(path)).toThrow(/is not a Sourcebook workspace \(it is another application's SQLite database\); it was left untouched\./);
    expect(() => openWorkspace(path, { readonly: true })).toThrow(WorkspaceError);
    expect(sha()).toBe(before);
    expect(existsSync(`${path}-wal`) || existsSync(`${path}-shm`) || existsSync(`${path}-journal`)).toBe(false);
  });

  it("refuses another application's database even when it has a sources table, or its own application_id", () => {
    const a = tmp.path('lookalike.db');
    const raw = new Database(a);
    raw.exec('CREATE TABLE sources (id TEXT)');
    raw.pragma('user_version = 3');
    raw.close();
    expect(() => openWorkspace(a)).toThrow(/another application's SQLite database/);
    const b = tmp.path('tagged.db');
    const other = new Database(b);
    other.pragma('application_id = 1234');
    other.exec('CREATE TABLE sources (id TEXT); CREATE TABLE excerpts (id TEXT)');
    other.close();
    const before = readFileSync(b);
    expect(() => openWorkspace(b)).toThrow(/another application's SQLite database/);
    expect(readFileSync(b).equals(before)).toBe(true);
  });

  it('refuses random bytes, leaving them untouched', () => {
    const path = tmp.path('noise.sqlite');
    const bytes = randomBytes(8192);
    writeFileSync(path, bytes);
    expect(() => openWorkspace(path)).toThrow(/not a Sourcebook workspace/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('marks an older workspace (from before application_id) the first time it is opened for writing', () => {
    const path = tmp.path('older.sqlite');
    openWorkspace(path).close();
    const raw = new Database(path);
    raw.pragma('application_id = 0');
    raw.close();
    const ro = openWorkspace(path, { readonly: true });
    expect(ro.pragma('application_id', { simple: true })).toBe(0); // read-only never writes
    ro.close();
    const db = openWorkspace(path);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it('turns an empty file into a workspace only when asked for a new one', () => {
    const path = tmp.path('empty.sourcebook');
    writeFileSync(path, '');
    expect(() => openWorkspace(path)).toThrow(/empty/);
    expect(readFileSync(path).length).toBe(0);
    const db = openWorkspace(path, { allowEmpty: true });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    db.close();
  });

  it('names a folder given as the workspace', () => {
    expect(() => openWorkspace(tmp.dir)).toThrow(/is a folder/);
  });
});
