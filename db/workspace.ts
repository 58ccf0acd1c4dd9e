import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { latestVersion, migrations } from './migrations';
import type { Migration } from './migrations/migration';

export type Db = Database.Database;

/** A workspace file that cannot be opened; the message is meant for a person. */
export class WorkspaceError extends Error {
  override name = 'WorkspaceError';
}

const SQLITE_HEADER = 'SQLite format 3\0';

/** True when the file at `path` begins with SQLite's 16-byte header (any SQLite database, ours or not). */
export function hasSqliteHeader(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const buf = Buffer.alloc(16);
    return readSync(fd, buf, 0, 16, 0) === 16 && buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/**
 * Refuses anything that is not an SQLite database before SQLite touches it, so a
 * mistyped path to a document is reported and left byte-for-byte untouched.
 */
function checkHeader(path: string): void {
  if (!existsSync(path)) return;
  const size = statSync(path).size;
  if (size === 0) return; // an empty file is a new workspace
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    if (n < 16 || buf.toString('latin1') !== SQLITE_HEADER) {
      throw new WorkspaceError(`${path} is not a Sourcebook workspace (not an SQLite database); the file was left untouched.`);
    }
  } finally {
    closeSync(fd);
  }
}

export function openWorkspace(path: string, options: { readonly?: boolean } = {}): Db {
  checkHeader(path);
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (err) {
    throw new WorkspaceError(`Cannot open workspace ${path}: ${(err as Error).message}`);
  }
  try {
    // Checked before anything writes: a damaged file must not be "repaired" by us.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new WorkspaceError(`Workspace ${path} is damaged (${String(check)}); the file was left untouched.`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestVersion) {
      throw new WorkspaceError(
        `Workspace ${path} was written by a newer Sourcebook (schema ${version}; this version understands up to ${latestVersion}). Update Sourcebook to open it; the file was left untouched.`,
      );
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) migrate(db, migrations);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof WorkspaceError) throw err;
    const message = (err as Error).message;
    throw new WorkspaceError(`Workspace ${path} cannot be read (${message}); the file was left untouched.`);
  }
}

/** Applies every pending migration, each in its own transaction with its user_version: all of it or none. */
export function migrate(db: Db, list: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of list) {
    if (m.version <= current) continue;
    db.transaction(() => {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/**
 * Work that awaits between its writes, in one transaction (better-sqlite3's transaction()
 * takes only synchronous functions): all of it, or nothing if it throws. Transactions the
 * work opens inside run as savepoints of this one.
 */
export async function inAsyncTransaction<T>(db: Db, work: () => Promise<T>): Promise<T> {
  db.exec('BEGIN');
  try {
    const result = await work();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

/**
 * Many small writes grouped into transactions of about `spanMs` each: one commit (one
 * fsync) per group instead of per write. `step()` before each write; `end()` after the last.
 */
export class WriteBatch {
  private started = 0;
  constructor(
    private readonly db: Db,
    private readonly spanMs = 2000,
  ) {}
  step(): void {
    if (this.db.inTransaction && Date.now() - this.started < this.spanMs) return;
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.db.exec('BEGIN');
    this.started = Date.now();
  }
  end(): void {
    if (this.db.inTransaction) this.db.exec('COMMIT');
  }
}

export interface WorkspaceCounts {
  sources: number;
  excerpts: number;
  entities: number;
  briefs: number;
}

/** How much the workspace holds. */
export function workspaceCounts(db: Db): WorkspaceCounts {
  return db
    .prepare(`SELECT (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM excerpts) AS excerpts, (SELECT count(*) FROM entities) AS entities, (SELECT count(*) FROM briefs) AS briefs`)
    .get() as WorkspaceCounts;
}
