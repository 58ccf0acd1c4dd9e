// What the command line does with a workspace path that is not a healthy Sourcebook
// workspace on a writable disk (#11): another application's SQLite file, an empty file, a
// folder, a read-only or full disk. Each gets one sentence, a non-zero exit and, under
// --json, `{ "error": { "message", "code" } }` on stderr; nothing is written where it must
// not be. The real CLI as a separate process. The read-only and full disks are small
// tmpfs mounts (the tests run as root, or with sudo, like CI).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { cli, type CliResult } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-ws-safety-');
const mounts: string[] = [];
const asRoot = (cmd: string, ...args: string[]) => execFileSync(process.getuid?.() === 0 ? cmd : 'sudo', process.getuid?.() === 0 ? args : ['-n', cmd, ...args]);
function tmpfs(name: string, size: string): string {
  const dir = tmp.path(name);
  mkdirSync(dir);
  asRoot('mount', '-t', 'tmpfs', '-o', `size=${size},mode=1777`, 'tmpfs', dir);
  mounts.push(dir);
  return dir;
}
afterAll(() => {
  for (const m of mounts) asRoot('umount', m);
  tmp.cleanup();
});

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const jsonError = (r: CliResult) => (JSON.parse(r.stderr) as { error: { message: string; code: string } }).error;
const integrity = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
};

beforeAll(() => {
  writeFileSync(tmp.path('note.txt'), 'Harbour notes\n\nThe board met on Tuesday and approved the lease.');
});

describe("another application's file named as the workspace", () => {
  it('is refused and left byte-for-byte untouched, with no -wal or -shm beside it', () => {
    const path = tmp.path('contacts.db');
    const raw = new Database(path);
    raw.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');");
    raw.close();
    const before = sha(path);
    for (const args of [['import', tmp.path('note.txt')], ['sources'], ['import', tmp.path('note.txt'), '--json']]) {
      const r = cli(path, ...args);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/is not a Sourcebook workspace \(it is another application's SQLite database\); it was left untouched\./);
      expect(sha(path)).toBe(before);
      expect(existsSync(`${path}-wal`) || existsSync(`${path}-shm`)).toBe(false);
    }
  });

  it('refuses an empty file, saying a new workspace is made only where no file exists', () => {
    const path = tmp.path('empty.sourcebook');
    writeFileSync(path, '');
    const r = cli(path, 'import', tmp.path('note.txt'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty/);
    expect(statSync(path).size).toBe(0);
  });

  it('still creates a new workspace where no file exists, and opens an older one', () => {
    const path = `${tmp.dir}/new/fresh.sourcebook`;
    expect(cli(path, 'import', tmp.path('note.txt')).code).toBe(0);
    const raw = new Database(path);
    expect(raw.pragma('application_id', { simple: true })).not.toBe(0);
    raw.pragma('application_id = 0'); // as a workspace made before the mark existed
    raw.close();
    expect(cli(path, 'sources', '--json').json<unknown[]>()).toHaveLength(1);
  });
});

describe('errors a person can read', () => {
  it('names a folder given as the workspace, as JSON under --json', () => {
    const r = cli(tmp.dir, 'sources', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const error = jsonError(r);
    expect(error.code).toBe('workspace');
    expect(error.message).toMatch(/is a folder/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    const plain = cli(tmp.dir, 'sources');
    expect(plain.stderr).toMatch(/^sourcebook: .*is a folder/);
  });

  it('gives usage and not-found errors the same JSON shape', () => {
    const ws = tmp.path('shape.sqlite');
    const usage = cli(ws, 'search', 'x', '--bogus', '--json');
    expect(usage.code).toBe(2);
    expect(jsonError(usage).code).toBe('usage');
    const missing = cli(ws, 'excerpts', '--source', 'src_nothere', '--json');
    expect(missing.code).toBe(1);
    expect(jsonError(missing)).toEqual({ message: 'No source with id src_nothere.', code: 'not-found' });
  });

  it('says so when the workspace is on a read-only disk; the workspace is intact afterwards', () => {
    const dir = tmpfs('ro', '8m');
    const ws = `${dir}/workspace.sqlite`;
    expect(cli(ws, 'import', tmp.path('note.txt')).code).toBe(0);
    writeFileSync(tmp.path('more.txt'), 'More notes\n\nThe council asked for a review of the tender.');
    asRoot('mount', '-o', 'remount,ro', dir);
    try {
      const r = cli(ws, 'import', tmp.path('more.txt'), '--json');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(jsonError(r).code).toBe('read-only');
      expect(jsonError(r).message).toMatch(/read-only/);
      const plain = cli(ws, 'import', tmp.path('more.txt'));
      expect(plain.code).toBe(1);
      expect(plain.stderr).toMatch(/^sourcebook: .*read-only/);
      expect(plain.stderr).not.toMatch(/internal error|\n\s+at /);
    } finally {
      asRoot('mount', '-o', 'remount,rw', dir);
    }
    expect(integrity(ws)).toBe('ok');
    expect(cli(ws, 'sources', '--json').json<unknown[]>()).toHaveLength(1);
  });

  it('says so when the disk fills during an import; what was stored before stays and the workspace is intact', () => {
    const dir = tmpfs('full', '3m');
    const ws = `${dir}/workspace.sqlite`;
    expect(cli(ws, 'import', tmp.path('note.txt')).code).toBe(0);
    const folder = tmp.path('many');
    mkdirSync(folder);
    for (let i = 0; i < 80; i++) {
      const words = Array.from({ length: 8000 }, (_, j) => `w${(i * 7919 + j * 104729) % 1000003}`).join(' ');
      writeFileSync(`${folder}/doc${i}.txt`, `Document ${i}\n\n${words}\n`);
    }
    const r = cli(ws, 'import', folder, '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const error = jsonError(r);
    expect(error.code).toBe('disk-full');
    expect(error.message).toMatch(/full/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    const plain = cli(ws, 'import', folder);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/^sourcebook: .*full/);
    expect(integrity(ws)).toBe('ok');
    const sources = cli(ws, 'sources', '--json');
    expect(sources.code).toBe(0);
    expect(sources.json<unknown[]>().length).toBeGreaterThanOrEqual(1);
  });
});
