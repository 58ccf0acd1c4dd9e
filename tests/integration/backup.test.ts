// Backups that are known to be good (issue #11, first part): `backup`, `backups` and
// `restore` through the real command line on real workspace files, and the check that
// makes a copy a backup — SQLite's integrity check (search indexes included) and the
// counts of what the workspace held.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../../db/workspace';
import { verifyBackup } from '../../db/backup';
import { importPaths } from '../../electron/services/importer';
import { addEntity } from '../../electron/services/entities';
import { backupFolder, listBackups } from '../../electron/services/backup';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-backup-');
const workspace = tmp.path('Port inquiry.sourcebook');
const counts = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(`SELECT (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM entities) AS entities`).get();
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  writeFileSync(tmp.path('minutes.txt'), 'Harbour board minutes.\n\nThe Kestrava terminal concession was approved on Tuesday.\n');
  writeFileSync(tmp.path('audit.txt'), 'Terminal audit.\n\nScanning rates at Kestrava fell after the handover.\n');
  const db = openWorkspace(workspace);
  await importPaths(db, [tmp.path('minutes.txt')]);
  addEntity(db, 'Kestrava', 'location', []);
  db.close();
});
afterAll(() => tmp.cleanup());

describe('sourcebook backup, backups, restore', () => {
  let first = '';

  it('backup --json writes a verified copy beside the workspace and says what it holds', () => {
    const r = cli(workspace, 'backup', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.json<{ path: string; verified: boolean; counts: Record<string, number> }>();
    expect(out).toEqual({ path: expect.stringContaining(join(backupFolder(workspace), 'Port inquiry ')), verified: true, counts: { sources: 1, excerpts: 0, entities: 1, briefs: 0 } });
    expect(out.path).toMatch(/\.sourcebook$/);
    expect(existsSync(`${out.path}-wal`)).toBe(false); // one self-contained file
    expect(counts(out.path)).toEqual({ sources: 1, entities: 1 });
    first = out.path;
  });

  it('backup --to writes where asked, and never over an existing file', () => {
    const to = tmp.path('elsewhere/copy.sourcebook');
    const r = cli(workspace, 'backup', '--to', to, '--json');
    expect(r.code).toBe(0);
    expect(r.json<{ path: string }>().path).toBe(to);
    const again = cli(workspace, 'backup', '--to', to, '--json');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists; a backup never replaces a file/);
  });

  it('backups --json lists them newest first, each verified, with its time, size and counts', () => {
    const r = cli(workspace, 'backups', '--json');
    expect(r.code).toBe(0);
    const rows = r.json<{ path: string; createdAt: string; bytes: number; verified: boolean; counts: Record<string, number> }[]>();
    expect(rows).toEqual([{ path: first, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), bytes: expect.any(Number), verified: true, counts: { sources: 1, excerpts: 0, entities: 1, briefs: 0 } }]);
    expect(rows[0].bytes).toBeGreaterThan(4096);
  });

  it('restore puts the backup in place, after backing up the workspace as it was', async () => {
    const db = openWorkspace(workspace);
    await importPaths(db, [tmp.path('audit.txt')]);
    db.close();
    expect(counts(workspace)).toEqual({ sources: 2, entities: 1 });
    const r = cli(workspace, 'restore', first, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.json<{ restored: string; previous: string }>();
    expect(out.restored).toBe(first);
    expect(counts(workspace)).toEqual({ sources: 1, entities: 1 });
    expect(counts(out.previous)).toEqual({ sources: 2, entities: 1 });
    // The workspace opens and works after the restore.
    const sources = cli(workspace, 'sources', '--json');
    expect(sources.json<{ title: string }[]>().map((s) => s.title)).toEqual(['minutes']);
    expect(listBackups(workspace).map((b) => b.path)).toContain(out.previous);
  });

  it('refuses to restore a file that is not a workspace, or a damaged backup, leaving the workspace as it is', () => {
    const before = readFileSync(workspace);
    writeFileSync(tmp.path('notes.sourcebook'), 'an analyst’s notes, not a database');
    const notes = cli(workspace, 'restore', tmp.path('notes.sourcebook'), '--json');
    expect(notes.code).toBe(1);
    expect(notes.stderr).toMatch(/cannot be restored/);

    const damaged = tmp.path('damaged.sourcebook');
    copyFileSync(first, damaged);
    const db = new Database(damaged);
    db.unsafeMode(true);
    // One source's words taken out of the search index, its text left as it was (the index holds no copy of the text since migration 015).
    db.prepare(`INSERT INTO sources_fts(sources_fts, rowid, title, body) SELECT 'delete', seq, title, body FROM source_search_text LIMIT 1`).run();
    db.close();
    expect(verifyBackup(damaged).verified).toBe(false);
    const r = cli(workspace, 'restore', damaged, '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot be restored: the search index does not match the texts it indexes/);
    expect(readFileSync(workspace).equals(before)).toBe(true);
  });

  it('counts a backup without its record, or whose counts differ from the workspace, as not verified', () => {
    const loose = join(backupFolder(workspace), 'copied by hand.sourcebook');
    copyFileSync(first, loose);
    expect(listBackups(workspace).find((b) => b.path === loose)?.verified).toBe(false);
    expect(verifyBackup(first, { sources: 5, excerpts: 0, entities: 1, briefs: 0 })).toMatchObject({ verified: false, problems: ['it holds 1 sources where the workspace held 5'] });
  });
});
