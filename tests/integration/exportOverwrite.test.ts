// `sourcebook export` never replaces a file by surprise (#11): an existing file only with
// --force, and never the workspace, another SQLite file, a folder, a symlink or a
// special file, even with --force. The real CLI as a separate process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-export-overwrite-');
const ws = tmp.path('workspace.sqlite');
afterAll(() => tmp.cleanup());
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let briefId = '';
beforeAll(() => {
  writeFileSync(tmp.path('note.txt'), 'Harbour notes\n\nThe board met on Tuesday and approved the lease.');
  const sourceId = cli(ws, 'import', tmp.path('note.txt'), '--json').json<{ imported: { id: string }[] }>().imported[0].id;
  const excerptId = cli(ws, 'excerpt', 'add', '--source', sourceId, '--quote', 'approved the lease', '--json').json<{ id: string }>().id;
  writeFileSync(tmp.path('brief.md'), `# Lease\n\nIt was approved [[cite:${excerptId}]].\n`);
  briefId = cli(ws, 'brief', 'create', '--title', 'Lease', '--markdown', tmp.path('brief.md'), '--json').json<{ id: string }>().id;
});

describe('sourcebook export onto an existing path', () => {
  it('writes a new file, refuses to replace it without --force, replaces it with --force', () => {
    const out = tmp.path('brief.html');
    expect(cli(ws, 'export', briefId, '--html', out).code).toBe(0);
    writeFileSync(out, 'my own page');
    const r = cli(ws, 'export', briefId, '--html', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already exists.*--force/);
    expect(readFileSync(out, 'utf8')).toBe('my own page');
    const forced = cli(ws, 'export', briefId, '--html', out, '--force', '--json');
    expect(forced.code).toBe(0);
    expect(forced.json<{ written: string[] }>().written).toEqual([out]);
    expect(readFileSync(out, 'utf8')).toMatch(/<html/i);
    // No temporary file is left beside it.
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes nothing when one of several targets is refused', () => {
    const fresh = tmp.path('fresh.md');
    const taken = tmp.path('taken.html');
    writeFileSync(taken, 'keep me');
    const r = cli(ws, 'export', briefId, '--md', fresh, '--html', taken);
    expect(r.code).toBe(1);
    expect(existsSync(fresh)).toBe(false);
    expect(readFileSync(taken, 'utf8')).toBe('keep me');
  });

  it('never writes over the open workspace, even with --force', () => {
    const before = sha(ws);
    const r = cli(ws, 'export', briefId, '--html', ws, '--force');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/workspace/);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(sha(ws)).toBe(before);
    expect(cli(ws, 'briefs', '--json').code).toBe(0);
  });

  it('never writes over another SQLite database, even with --force', () => {
    const other = tmp.path('other.db');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    db.close();
    const before = sha(other);
    const r = cli(ws, 'export', briefId, '--md', other, '--force');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/SQLite database/);
    expect(sha(other)).toBe(before);
  });

  it('never writes over a folder, a symlink or a special file, even with --force', () => {
    const dir = tmp.path('folder.html');
    mkdirSync(dir);
    const d = cli(ws, 'export', briefId, '--html', dir, '--force');
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/folder/);
    expect(lstatSync(dir).isDirectory()).toBe(true);

    const target = tmp.path('target.txt');
    writeFileSync(target, 'the real file');
    const link = tmp.path('link.html');
    symlinkSync(target, link);
    const l = cli(ws, 'export', briefId, '--html', link, '--force');
    expect(l.code).toBe(1);
    expect(l.stderr).toMatch(/symbolic link/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('the real file');

    const fifo = tmp.path('pipe.html');
    execFileSync('mkfifo', [fifo]);
    const f = cli(ws, 'export', briefId, '--html', fifo, '--force');
    expect(f.code).toBe(1);
    expect(f.stderr).toMatch(/not a regular file/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});
