// Whether a workspace needs its full check on open. `PRAGMA quick_check` reads every page
// (3.3 s at 50,000 sources), so it runs only when there is a reason to doubt the file:
//   - a process that had it open died without closing it (its mark is still there and
//     that process is gone), or
//   - nobody has it open and the file is not as the last clean close left it (another
//     program, a sync client or a copy wrote it since; a -wal left over from a crash), or
//   - there is no record of a clean close at all (a file from another machine or from an
//     older Sourcebook: checked once).
// The marks live beside the workspace in a hidden folder, `.<name>.sessions/`, never in
// the database itself: a damaged file must not be written to, not even to mark it open.
// One file per open connection (`<host>~<pid>~<random>`), removed on close; `clean`
// records the file's size and modification time after the last connection closed.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

const CLEAN = 'clean';
/** Present while a new workspace is being made: a kill then leaves an empty file that is ours to make again. */
const CREATING = 'creating';
const isMark = (name: string) => name !== CLEAN && name !== CREATING && !name.endsWith('.tmp');

/** The folder of marks for the workspace at `path`. */
export function sessionMarksDir(path: string): string {
  return join(dirname(path), `.${basename(path)}.sessions`);
}

interface CleanRecord {
  size: number;
  mtimeMs: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A mark left by a process that is gone (or by another machine, whose processes cannot be asked). */
function isStale(name: string): boolean {
  const [host, pid] = name.split('~');
  return host !== hostname() || !Number.isInteger(Number(pid)) || !alive(Number(pid));
}

function stamp(path: string): CleanRecord | null {
  try {
    const s = statSync(path);
    return { size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    return null;
  }
}

function readClean(dir: string): CleanRecord | null {
  try {
    const r = JSON.parse(readFileSync(join(dir, CLEAN), 'utf8')) as Partial<CleanRecord>;
    return typeof r.size === 'number' && typeof r.mtimeMs === 'number' ? { size: r.size, mtimeMs: r.mtimeMs } : null;
  } catch {
    return null;
  }
}

export interface SessionMarks {
  /** Why the file should be checked in full before use, or null when it was closed cleanly and left alone since. */
  doubt: string | null;
  /** Marks of processes that are gone: removed once the check has passed. */
  stale: string[];
}

/** What the marks beside an existing workspace say, read without writing anything. */
export function readSessionMarks(path: string): SessionMarks {
  const dir = sessionMarksDir(path);
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter(isMark);
  } catch {
    // no folder: never opened here (or by an older Sourcebook)
  }
  const stale = names.filter(isStale);
  if (stale.length) return { doubt: 'it was not closed cleanly the last time', stale };
  if (names.length) return { doubt: null, stale }; // open in another process right now, which answers for it
  const clean = readClean(dir);
  if (!clean) return { doubt: 'there is no record of a clean close', stale };
  if (existsSync(`${path}-wal`)) return { doubt: 'a write-ahead log was left behind', stale };
  const now = stamp(path);
  if (!now || now.size !== clean.size || now.mtimeMs !== clean.mtimeMs) return { doubt: 'it was changed outside Sourcebook since it was last closed', stale };
  return { doubt: null, stale };
}

/**
 * Marks the workspace open by this connection. `leave()` (after the connection has
 * closed) removes the mark and, when it was the last one, records the clean close.
 * Marking never fails an open: a folder that cannot take the mark only means the next
 * open checks the file in full.
 */
export function enterSession(path: string, stale: readonly string[]): { leave(): void } {
  const dir = sessionMarksDir(path);
  const mark = join(dir, `${hostname()}~${process.pid}~${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(dir, { recursive: true });
    for (const name of stale) rmSync(join(dir, name), { force: true });
    rmSync(join(dir, CLEAN), { force: true });
    writeFileSync(mark, '');
  } catch {
    // an unmarked session: the next open checks in full
  }
  return {
    leave() {
      try {
        rmSync(mark, { force: true });
        if (readdirSync(dir).some(isMark)) return;
        const now = stamp(path);
        if (!now) return;
        const temp = join(dir, `${CLEAN}.${process.pid}.tmp`);
        writeFileSync(temp, JSON.stringify(now));
        renameSync(temp, join(dir, CLEAN));
      } catch {
        // no record: the next open checks in full
      }
    },
  };
}

/**
 * Brackets the making of a new workspace: SQLite creates the file before it writes a
 * byte, so a process killed in between leaves an empty file, which is otherwise refused
 * (an empty file is made a workspace only when a person asks for it). While this mark is
 * there, that empty file is known to be an interrupted creation and is made again.
 */
export function beginCreation(path: string): { done(): void } {
  const mark = join(sessionMarksDir(path), CREATING);
  try {
    mkdirSync(sessionMarksDir(path), { recursive: true });
    writeFileSync(mark, '');
  } catch {
    // without the mark, an interrupted creation is refused as an empty file, as before
  }
  return { done: () => rmSync(mark, { force: true }) };
}

/** True when an empty file at `path` is a creation of ours that was cut short. */
export function creationInterrupted(path: string): boolean {
  return existsSync(join(sessionMarksDir(path), CREATING));
}

/** Removes the marks of a workspace file that is being deleted (a temporary copy). */
export function removeSessionMarks(path: string): void {
  rmSync(sessionMarksDir(path), { recursive: true, force: true });
}
