import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { latestVersion, migrations } from './migrations';
import type { Migration } from './migrations/migration';
import { beginCreation, creationInterrupted, enterSession, readSessionMarks, removeSessionMarks } from './sessionMarks';

export type Db = Database.Database;

/**
 * Marks a SQLite file as a Sourcebook workspace (`PRAGMA application_id`, bytes 68-71 of
 * the header): 'SrcB'. A file with another application's id is never written to.
 */
export const APPLICATION_ID = 0x53726342;

/** How long a writer waits for another writer (another CLI, the app) before giving up. */
export const WRITER_BUSY_TIMEOUT_MS = 60_000;
const READER_BUSY_TIMEOUT_MS = 5_000;

/** What kind of workspace failure, for scripts: the file is not usable; the disk is read-only, full or failing; another writer held it too long. */
export type WorkspaceErrorCode = 'workspace' | 'damaged' | 'read-only' | 'disk-full' | 'busy' | 'io';

/** A workspace file that cannot be opened; the message is meant for a person. */
export class WorkspaceError extends Error {
  override name = 'WorkspaceError';
  constructor(
    message: string,
    readonly code: WorkspaceErrorCode = 'workspace',
  ) {
    super(message);
  }
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

/** The first 100 bytes of the file (SQLite's database header), or fewer if it is shorter. */
function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

const foreign = (path: string) => new WorkspaceError(`${path} is not a Sourcebook workspace (it is another application's SQLite database); it was left untouched.`);

/**
 * What is at `path`, found without writing a byte: nothing (a new workspace is made), an
 * empty file (new only when `allowEmpty`), or an SQLite file that is a Sourcebook
 * workspace. Anything else is refused with a WorkspaceError and left untouched: a folder,
 * a special file, a file that is not SQLite, another application's database.
 */
function classify(path: string, options: OpenOptions): 'new' | 'existing' {
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !options.readonly && options.create !== false) return 'new';
    if (code === 'ENOENT') throw new WorkspaceError(`Cannot open workspace ${path}: there is no such file.`);
    throw new WorkspaceError(`Cannot open workspace ${path}: ${(err as Error).message}`);
  }
  if (stat.isDirectory()) throw new WorkspaceError(`${path} is a folder, not a workspace file; name a .sourcebook file (a new one is created where none exists).`);
  if (!stat.isFile()) throw new WorkspaceError(`${path} is not a regular file (a device, a pipe or a socket), so it cannot be a workspace; it was left untouched.`);
  if (stat.size === 0) {
    if ((options.allowEmpty || creationInterrupted(path)) && !options.readonly) return 'new';
    throw new WorkspaceError(`${path} is an empty file, not a Sourcebook workspace; a new workspace is created only where no file exists, so it was left untouched.`);
  }
  const header = readHeader(path);
  if (header.length < 16 || header.subarray(0, 16).toString('latin1') !== SQLITE_HEADER) {
    throw new WorkspaceError(`${path} is not a Sourcebook workspace (not an SQLite database); the file was left untouched.`);
  }
  // Another application's mark in the header: refused without SQLite ever opening the file.
  if (header.length >= 72) {
    const appId = header.readUInt32BE(68);
    if (appId !== 0 && appId !== APPLICATION_ID) throw foreign(path);
  }
  return 'existing';
}

/**
 * Opens the existing SQLite file read-only and checks that it is a Sourcebook workspace
 * this version can read: marked with APPLICATION_ID, or unmarked but holding a Sourcebook
 * schema (user_version ≥ 1, `sources` and `excerpts` tables: a workspace made before the
 * mark). Returns the connection (read-only) and whether the mark is still to be written.
 * Companion files (-wal, -shm) that the read-only connection had to create on a file
 * in WAL mode are removed again when the file is refused.
 */
function probe(path: string, doubt: string | null, recovered = false): { db: Db; unmarked: boolean; interrupted?: boolean } {
  const companions = ['-wal', '-shm'].map((s) => `${path}${s}`).filter((p) => !existsSync(p));
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    if (!writable(path, false)) throw readOnlyUnreadable(path);
    throw openFailure(path, err);
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== 0 && appId !== APPLICATION_ID) throw foreign(path);
    if (version > latestVersion) {
      throw new WorkspaceError(
        `Workspace ${path} was written by a newer Sourcebook (schema ${version}; this version understands up to ${latestVersion}). Update Sourcebook to open it; the file was left untouched.`,
      );
    }
    if (appId === 0) {
      // Our own making of it cut short after SQLite wrote its header (WAL mode) and
      // before the mark: nothing in it yet, and the creation mark still there. Made again.
      if (version === 0 && creationInterrupted(path) && db.prepare(`SELECT count(*) FROM sqlite_master`).pluck().get() === 0) return { db, unmarked: true, interrupted: true };
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('sources', 'excerpts')`).all() as { name: string }[];
      if (version < 1 || tables.length !== 2) throw foreign(path);
    }
    // Checked before anything writes when there is a reason to doubt the file
    // (sessionMarks.ts): a damaged file must not be "repaired" by us.
    if (doubt !== null || appId === 0) {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new WorkspaceError(`Workspace ${path} is damaged (${String(check)}); the file was left untouched.`, 'damaged');
    }
    return { db, unmarked: appId === 0 };
  } catch (err) {
    db.close();
    // A process killed while it wrote the -wal's index leaves it for the next writer to
    // rebuild from the -wal (SQLite's own recovery, as at any open); a read-only
    // connection may not, and says "attempt to write a readonly database"
    // (SQLITE_READONLY_RECOVERY, _CANTINIT) although the file and its folder are
    // writable. Let a writing connection recover it, then look again, with the full check
    // (the file was left by a crash).
    if (/^SQLITE_READONLY/.test(String((err as { code?: unknown }).code)) && !recovered && writable(path, false)) {
      recoverWal(path);
      return probe(path, doubt ?? 'recovered after a crash', true);
    }
    for (const p of companions) {
      try {
        if (existsSync(p) && (!p.endsWith('-wal') || statSync(p).size === 0)) rmSync(p);
      } catch {
        // left as SQLite made it
      }
    }
    if (err instanceof WorkspaceError) throw err;
    if (!writable(path, false)) throw readOnlyUnreadable(path);
    // An SQLite header over pages SQLite cannot read ("file is not a database", "malformed").
    throw new WorkspaceError(`Workspace ${path} is damaged: it cannot be read (${(err as Error).message}); the file was left untouched.`, 'damaged');
  }
}

/** Opens the file to write, which has SQLite rebuild the -wal's index, and closes it without changing the database. */
function recoverWal(path: string): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('user_version', { simple: true });
  } finally {
    db.close();
  }
}

const readOnly = (path: string) => new WorkspaceError(`Workspace ${path} is read-only (the file, its folder or its disk): Sourcebook cannot change it; nothing was changed.`, 'read-only');

const readOnlyUnreadable = (path: string) =>
  new WorkspaceError(
    `Workspace ${path} is in a read-only place (its folder or its disk), where Sourcebook cannot read it (SQLite needs to write its -wal and -shm files beside it); copy it to a writable folder. It was left untouched.`,
    'read-only',
  );

/** A failure of the disk under the workspace, as a sentence; null when it is something else. */
export function storageFailure(path: string, err: unknown): WorkspaceError | null {
  const code = String((err as { code?: unknown }).code ?? '');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new WorkspaceError(`The disk holding ${path} is full: the change in progress was not saved (what was saved before is intact). Free some space and try again.`, 'disk-full');
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new WorkspaceError(`Workspace ${path} is busy: another program has been writing to it for over a minute. Try again when it is done; nothing was changed.`, 'busy');
  }
  // Damage the open-time check did not look for (it runs only when the file is in doubt,
  // sessionMarks.ts) is found when a damaged page is read: said the same way.
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new WorkspaceError(`Workspace ${path} is damaged (${code}): part of it cannot be read; the change in progress was not saved.`, 'damaged');
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new WorkspaceError(`The disk holding ${path} failed to read or write (${code}): the change in progress was not saved. Check the disk and try again.`, 'io');
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_PERM') return readOnly(path);
  return null;
}

/** True for a failure of the disk or the file under the workspace (not of one document or one request). */
export function isStorageFailure(err: unknown): boolean {
  return storageFailure('', err) !== null;
}

function openFailure(path: string, err: unknown): WorkspaceError {
  return storageFailure(path, err) ?? new WorkspaceError(`Cannot open workspace ${path}: ${(err as Error).message}`);
}

/** True when this process may write the file and create its -wal and -shm beside it. */
function writable(path: string, isNew: boolean): boolean {
  try {
    if (!isNew || existsSync(path)) accessSync(path, constants.W_OK);
    accessSync(dirname(resolve(path)), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export interface OpenOptions {
  /** Never write: no migration, no mark, no WAL switch. */
  readonly?: boolean;
  /** An existing empty file may become the new workspace (the person asked for a new one there). */
  allowEmpty?: boolean;
  /**
   * Where no file exists, create the workspace (the default). False: a missing file is an
   * error, never a new workspace (opening one offered in a list that was there a moment ago).
   */
  create?: boolean;
  /** Called before pending migrations run on a workspace that has data (schema `from` ≥ 1): the caller backs it up. */
  beforeMigrate?: (db: Db, from: number) => void;
}

/**
 * Opens a workspace, creating it where no file exists. An existing file is first opened
 * read-only and checked (classify, probe): one that is not a Sourcebook workspace is
 * never written to. The full page check runs only when the file is in doubt
 * (sessionMarks.ts), so a clean workspace opens in the same few milliseconds at any size.
 * Writers wait up to a minute for one another (busy_timeout).
 */
export function openWorkspace(path: string, options: OpenOptions = {}): Db {
  const kind = classify(path, options);
  let db: Db;
  let unmarked = false;
  /** A creation of ours cut short (probe): finished now, as a new workspace is made. */
  let interrupted = false;
  if (!options.readonly && !writable(path, kind === 'new')) throw readOnly(path);
  const marks = kind === 'existing' ? readSessionMarks(path) : { doubt: null, stale: [] };
  if (kind === 'existing') {
    const probed = probe(path, marks.doubt);
    if (options.readonly && probed.interrupted) {
      probed.db.close();
      throw new WorkspaceError(`Workspace ${path} was cut short while it was being created; open it once in the app or with a command that writes, and it is made again.`);
    }
    if (options.readonly) {
      probed.db.pragma('foreign_keys = ON');
      probed.db.pragma(`busy_timeout = ${READER_BUSY_TIMEOUT_MS}`);
      return probed.db;
    }
    probed.db.close();
    unmarked = probed.unmarked;
    interrupted = probed.interrupted === true;
  }
  const creation = kind === 'new' || interrupted ? beginCreation(path) : null;
  try {
    db = new Database(path, { fileMustExist: kind === 'existing' });
  } catch (err) {
    throw openFailure(path, err);
  }
  try {
    db.pragma(`busy_timeout = ${WRITER_BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Savepoints' journals in memory: an import stores each file in a savepoint of its
    // batch, and each savepoint first copies every page it touches (a source has nine
    // indexes) to a journal that spilled to a temporary file past 64 KB — that copying
    // cost more than storing the file. VACUUM, the one user of a large temporary
    // database, switches back to a file for its run (compactIfSparse).
    db.pragma('temp_store = MEMORY');
    if (kind === 'new' || unmarked) writeTransaction(db, () => db.pragma(`application_id = ${APPLICATION_ID}`));
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > 0 && version < latestVersion) options.beforeMigrate?.(db, version);
    migrate(db, migrations);
    creation?.done();
    if (version > 0 && version < latestVersion) compactIfSparse(db);
    const session = enterSession(path, marks.stale);
    const close = db.close.bind(db);
    // The mark comes off only after SQLite has closed (and checkpointed) the file, so the
    // clean record holds the file as it is left.
    db.close = () => {
      close();
      session.leave();
      return db;
    };
    return db;
  } catch (err) {
    db.close();
    if (err instanceof WorkspaceError) throw err;
    const storage = storageFailure(path, err);
    if (storage) throw storage;
    const message = (err as Error).message;
    throw new WorkspaceError(`Workspace ${path} cannot be read (${message}); the file was left untouched.`);
  }
}

/**
 * A synchronous write transaction that takes the write lock at BEGIN (IMMEDIATE), so it
 * waits its turn behind another writer (busy_timeout) instead of failing with "database
 * is locked" when a read would have to become a write. Inside another transaction it
 * runs as a savepoint of it.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/**
 * Gives the disk back after a migration that freed a quarter of the file or more (015
 * drops a second and third copy of every text): the file is rewritten compactly once.
 */
function compactIfSparse(db: Db): void {
  const free = db.pragma('freelist_count', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  if (free * 4 < pages) return;
  // VACUUM rebuilds the whole file in a temporary database: on disk, not in memory.
  db.pragma('temp_store = FILE');
  try {
    db.exec('VACUUM');
  } finally {
    db.pragma('temp_store = MEMORY');
  }
}

/** Applies every pending migration, each in its own transaction with its user_version: all of it or none. */
export function migrate(db: Db, list: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of list) {
    if (m.version <= current) continue;
    writeTransaction(db, () => {
      // Read again under the write lock: another process may have just applied it.
      if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return;
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.pragma(`user_version = ${m.version}`);
    });
  }
}

/**
 * Work that awaits between its writes, in one transaction (better-sqlite3's transaction()
 * takes only synchronous functions): all of it, or nothing if it throws. Transactions the
 * work opens inside run as savepoints of this one.
 */
export async function inAsyncTransaction<T>(db: Db, work: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
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
    /** Run right after each batch begins, and right before it commits (inside it). */
    private readonly hooks: { afterBegin?: (db: Db) => void; beforeCommit?: (db: Db) => void } = {},
  ) {}
  step(): void {
    if (this.db.inTransaction && Date.now() - this.started < this.spanMs) return;
    if (this.db.inTransaction) this.commit();
    this.db.exec('BEGIN IMMEDIATE');
    this.hooks.afterBegin?.(this.db);
    this.started = Date.now();
  }
  end(): void {
    if (this.db.inTransaction) this.commit();
  }
  private commit(): void {
    this.hooks.beforeCommit?.(this.db);
    this.db.exec('COMMIT');
  }
}

export interface WorkspaceCounts {
  sources: number;
  excerpts: number;
  entities: number;
  briefs: number;
}

/** How much the workspace holds (a table an old schema lacks holds nothing). */
export function workspaceCounts(db: Db): WorkspaceCounts {
  const present = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('sources', 'excerpts', 'entities', 'briefs')`).pluck().all() as string[]);
  const count = (table: keyof WorkspaceCounts) => (present.has(table) ? (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) : 0);
  return { sources: count('sources'), excerpts: count('excerpts'), entities: count('entities'), briefs: count('briefs') };
}

/** Rows this connection has inserted, updated or deleted since it opened (SQLite's total_changes()). */
export function totalChanges(db: Db): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

/** SQLite's full integrity check (FTS5 indexes included): empty when the file is sound, else what is wrong. */
export function integrityProblems(db: Db): string[] {
  const rows = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  return [...(rows.join() === 'ok' ? [] : rows), ...searchIndexProblems(db)];
}

/**
 * Whether the source index still matches the texts it indexes. Since migration 015 it
 * holds no copy of them (external content), and `PRAGMA integrity_check` checks only the
 * index's own structure: FTS5's 'integrity-check' command with rank 1 compares it with
 * the texts. That command is an INSERT to SQLite, so it needs a connection that may write
 * (it changes nothing); on a read-only one it is not run.
 */
export function searchIndexProblems(db: Db): string[] {
  if (db.readonly) return [];
  const external = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sources_fts' AND sql LIKE '%content =%'`).get();
  if (!external) return [];
  try {
    db.exec(`INSERT INTO sources_fts(sources_fts, rank) VALUES ('integrity-check', 1)`);
    return [];
  } catch (err) {
    return [`the search index does not match the texts it indexes (${(err as Error).message})`];
  }
}

/** Makes the file self-contained (no -wal beside it), for a copy that travels. */
export function useRollbackJournal(db: Db): void {
  db.pragma('journal_mode = DELETE');
}

/** Deletes a workspace file that was scratch (a copy being merged, a package that failed) with its companions and session marks. */
export function removeWorkspaceFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
  removeSessionMarks(path);
}
