// Opening without reading the whole file (issue #12): the full page check runs only when
// the workspace is in doubt — a process died with it open, or it changed since its last
// clean close — and damage it did not look for is still reported as damage, with the
// backup that restores it, when a damaged page is read.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { openWorkspace, WorkspaceError } from '../../db/workspace';
import { insertSource } from '../../db/sources';
import { readSessionMarks, sessionMarksDir } from '../../db/sessionMarks';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-marks-');
afterAll(() => tmp.cleanup());

function workspaceWith(name: string, sources: number): string {
  const path = tmp.path(name);
  const db = openWorkspace(path);
  for (let i = 0; i < sources; i++) insertSource(db, {
      title: `Note ${i}`,
      author: null,
      publisher: null,
      publishedAt: null,
      url: null,
      language: null,
      format: 'text',
      originalName: null,
      text: `Note ${i} on the Kestrava terminal. ${'Scanning rates fell. '.repeat(200)}`,
      original: null,
    });
  db.close();
  return path;
}

/** Scribbles over the pages after the first, then puts the file's time back as it was: damage no clock or size reveals. */
function damageQuietly(path: string): void {
  const before = statSync(path);
  const bytes = readFileSync(path);
  for (let i = 4096; i < bytes.length; i += 7) bytes[i] = 0xa5;
  writeFileSync(path, bytes);
  utimesSync(path, before.atime, before.mtime);
}

describe('opening a workspace', () => {
  it('leaves a record of its clean close beside the file, and no mark of a session', () => {
    const path = workspaceWith('clean.sourcebook', 2);
    expect(readdirSync(sessionMarksDir(path))).toEqual(['clean']);
    expect(readSessionMarks(path).doubt).toBeNull();
    const db = openWorkspace(path);
    expect(readdirSync(sessionMarksDir(path))).toHaveLength(1);
    expect(readdirSync(sessionMarksDir(path))[0]).toMatch(new RegExp(`^${hostname()}~${process.pid}~`));
    // Open elsewhere right now: that session answers for the file.
    expect(readSessionMarks(path).doubt).toBeNull();
    db.close();
    expect(readdirSync(sessionMarksDir(path))).toEqual(['clean']);
  });

  it('checks the whole file after a process died with it open, and finds damage then', () => {
    const path = workspaceWith('crashed.sourcebook', 30);
    writeFileSync(join(sessionMarksDir(path), `${hostname()}~2147483646~dead`), '');
    expect(readSessionMarks(path).doubt).toMatch(/not closed cleanly/);
    damageQuietly(path);
    const bytes = readFileSync(path);
    expect(() => openWorkspace(path)).toThrow(expect.objectContaining({ code: 'damaged', message: expect.stringMatching(/is damaged/) }));
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('checks the whole file when it changed since its clean close, or was never closed here', () => {
    const path = workspaceWith('touched.sourcebook', 1);
    utimesSync(path, new Date(), new Date(Date.now() + 5_000));
    expect(readSessionMarks(path).doubt).toMatch(/changed outside Sourcebook/);
    openWorkspace(path).close();
    expect(readSessionMarks(path).doubt).toBeNull();

    const copy = tmp.path('copied.sourcebook');
    writeFileSync(copy, readFileSync(path));
    expect(readSessionMarks(copy).doubt).toMatch(/no record of a clean close/);
  });

  it('removes the marks of a dead process once the check has passed', () => {
    const path = workspaceWith('recovered.sourcebook', 1);
    const dead = join(sessionMarksDir(path), `${hostname()}~2147483646~dead`);
    writeFileSync(dead, '');
    const db = openWorkspace(path);
    expect(existsSync(dead)).toBe(false);
    db.close();
    expect(readSessionMarks(path).doubt).toBeNull();
  });

  it('reports damage it did not check for as damage, with the backup that restores it, when a damaged page is read', () => {
    const path = workspaceWith('quiet.sourcebook', 40);
    const backup = cli(path, 'backup', '--json').json<{ path: string; verified: boolean }>();
    expect(backup.verified).toBe(true);
    damageQuietly(path);
    const bytes = readFileSync(path);
    const r = cli(path, 'sources', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr)).toEqual({ error: { code: 'damaged', message: expect.stringContaining(`restore "${backup.path}"`) } });
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('still refuses a damaged file whose clean record it cannot trust', () => {
    const path = workspaceWith('refused.sourcebook', 30);
    damageQuietly(path);
    writeFileSync(join(sessionMarksDir(path), 'clean'), '{ not json');
    let error: unknown;
    try {
      openWorkspace(path);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(WorkspaceError);
    expect((error as WorkspaceError).code).toBe('damaged');
  });

  it('makes again a new workspace whose making was cut short (an empty file), and still refuses any other empty file', () => {
    const path = tmp.path('cut short.sourcebook');
    writeFileSync(path, '');
    expect(() => openWorkspace(path)).toThrow(/is an empty file/);
    mkdirSync(sessionMarksDir(path), { recursive: true });
    writeFileSync(join(sessionMarksDir(path), 'creating'), '');
    const db = openWorkspace(path);
    expect(db.prepare(`SELECT count(*) FROM sources`).pluck().get()).toBe(0);
    db.close();
    expect(readdirSync(sessionMarksDir(path))).toEqual(['clean']);
  });

  it('makes it again when cut short after SQLite wrote its header (WAL mode, nothing else), and still refuses such a file of anyone else', () => {
    const path = tmp.path('cut short later.sourcebook');
    const half = new Database(path);
    half.pragma('journal_mode = WAL');
    half.close();
    expect(() => openWorkspace(path)).toThrow(/another application's SQLite database/);
    mkdirSync(sessionMarksDir(path), { recursive: true });
    writeFileSync(join(sessionMarksDir(path), 'creating'), '');
    expect(() => openWorkspace(path, { readonly: true })).toThrow(/cut short while it was being created/);
    const db = openWorkspace(path);
    expect(db.prepare(`SELECT count(*) FROM sources`).pluck().get()).toBe(0);
    expect(db.pragma('application_id', { simple: true })).not.toBe(0);
    db.close();
    expect(readdirSync(sessionMarksDir(path))).toEqual(['clean']);
  });
});
