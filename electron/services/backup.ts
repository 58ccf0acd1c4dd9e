// Backups of a workspace: checked copies (db/backup.ts) written beside it in a
// "<name> backups" folder, each with a small record of when it was made and what its
// check found (`<file>.json`), listed newest first, and restored over the workspace after
// a safety backup of what was there.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { backupTo, snapshotTo, verifyBackup, type BackupCheck } from '../../db/backup';
import { openWorkspace, totalChanges, type Db, type WorkspaceCounts } from '../../db/workspace';
import { UserError } from './errors';
import { WORKSPACE_EXTENSION } from './workspaceFile';

export interface BackupResult {
  path: string;
  bytes: number;
  verified: boolean;
  counts: WorkspaceCounts;
}

export interface BackupRecord extends BackupResult {
  createdAt: string;
  /** Why it was made: "manual" (Back Up Now, `sourcebook backup`), "automatic", or "before <an operation>". */
  reason: string;
}

/**
 * Where and how often backups are made, as the person set it in Settings (the app's
 * settings.json): the host (the desktop app, `serve`, the CLI) passes it in when it starts
 * and whenever it changes. Until then: beside the workspace, every 15 minutes.
 */
let configured: { folder: string | null; everyMinutes: number } = { folder: null, everyMinutes: 15 };

export function configureBackups(preferences: { folder: string | null; everyMinutes: number }): void {
  configured = { folder: preferences.folder, everyMinutes: preferences.everyMinutes };
}

/** The folder that holds every workspace's "<name> backups" folder, and who chose it. */
export function backupsHome(workspacePath: string): { folder: string; chosenBy: 'environment' | 'settings' | 'default' } {
  const elsewhere = process.env.SOURCEBOOK_BACKUPS?.trim();
  if (elsewhere) return { folder: resolve(elsewhere), chosenBy: 'environment' };
  if (configured.folder) return { folder: resolve(configured.folder), chosenBy: 'settings' };
  return { folder: dirname(resolve(workspacePath)), chosenBy: 'default' };
}

/**
 * The folder a workspace's backups go to: "<name> backups" beside it, or inside the folder
 * that SOURCEBOOK_BACKUPS names for this run, or else the one chosen in Settings (another
 * disk, a folder no sync client manages).
 */
export function backupFolder(workspacePath: string): string {
  const name = basename(workspacePath, extname(workspacePath));
  return join(backupsHome(workspacePath).folder, `${name} backups`);
}

const stamp = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '-');
const recordOf = (path: string) => `${path}.json`;

/**
 * Backs the open workspace up to `to`, or to its backups folder under a name that says
 * when. Written under a temporary name and renamed once checked, so no folder ever holds
 * half a backup; an unverified copy is kept but recorded as such, and the call fails.
 */
export async function backupNow(db: Db, workspacePath: string, options: { to?: string; now?: Date; reason?: string } = {}): Promise<BackupResult> {
  const now = options.now ?? new Date();
  const target = backupTarget(workspacePath, now, options.to);
  const partial = `${target}.partial`;
  let check;
  try {
    check = await backupTo(db, partial);
  } catch (err) {
    throw new UserError(`Backup of ${workspacePath} failed: ${(err as Error).message}. The workspace itself is unchanged.`);
  }
  return keep(partial, target, check, now, options.reason ?? 'manual');
}

/**
 * The backup made while a workspace is being opened, before its schema is migrated to
 * this version's: a one-statement copy (nothing else runs yet). A failure stops the
 * opening, so no migration ever runs without a verified copy of what was there.
 */
export function backupBeforeMigration(db: Db, workspacePath: string, fromVersion: number, now = new Date()): BackupResult {
  const target = backupTarget(workspacePath, now);
  const partial = `${target}.partial`;
  let check;
  try {
    check = snapshotTo(db, partial);
  } catch (err) {
    throw new UserError(`Backup of ${workspacePath} before updating its format failed: ${(err as Error).message}. The workspace was not updated.`);
  }
  return keep(partial, target, check, now, `before migration from schema ${fromVersion}`);
}

/** Where a backup goes: `to`, or the backups folder under a name that says when. */
function backupTarget(workspacePath: string, now: Date, to?: string): string {
  if (to) {
    const target = resolve(to);
    if (existsSync(target)) throw new UserError(`${target} already exists; a backup never replaces a file.`);
    mkdirSync(dirname(target), { recursive: true });
    return target;
  }
  const folder = backupFolder(workspacePath);
  mkdirSync(folder, { recursive: true });
  const name = `${basename(workspacePath, extname(workspacePath))} ${stamp(now)}`;
  let target = join(folder, `${name}.sourcebook`);
  // Two backups in the same second (a safety backup right after an automatic one) get their own files.
  for (let n = 2; existsSync(target); n++) target = join(folder, `${name} (${n}).sourcebook`);
  return target;
}

/** Renames the checked copy into place and writes its record; an unverified copy is kept, marked so, and the call fails. */
function keep(partial: string, target: string, check: BackupCheck, now: Date, reason: string): BackupResult {
  renameSync(partial, target);
  const result: BackupResult = { path: target, bytes: statSync(target).size, verified: check.verified, counts: check.counts };
  writeFileSync(recordOf(target), JSON.stringify({ createdAt: now.toISOString(), reason, verified: check.verified, counts: check.counts, problems: check.problems }, null, 2));
  if (!check.verified) throw new UserError(`The backup at ${target} did not pass its check: ${check.problems.join('; ')}. It is kept, marked unverified.`);
  return result;
}

/** "<name>.damaged-2026-12-04T10-00-00Z.sourcebook" beside the workspace. */
function damagedName(workspacePath: string): string {
  const when = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
  return join(dirname(workspacePath), `${basename(workspacePath, extname(workspacePath))}.damaged-${when}Z${extname(workspacePath) || WORKSPACE_EXTENSION}`);
}

/** The newest backup that passed its check, if any: what to offer when the workspace cannot be opened. */
export function newestVerifiedBackup(workspacePath: string): BackupRecord | null {
  return listBackups(workspacePath).find((b) => b.verified) ?? null;
}

/** The backups in a workspace's backups folder, newest first, with what each one's check found. */
export function listBackups(workspacePath: string): BackupRecord[] {
  const folder = backupFolder(workspacePath);
  if (!existsSync(folder)) return [];
  const records: BackupRecord[] = [];
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.sourcebook')) continue;
    const path = join(folder, name);
    let record: { createdAt?: unknown; reason?: unknown; verified?: unknown; counts?: WorkspaceCounts } = {};
    try {
      record = JSON.parse(readFileSync(recordOf(path), 'utf8')) as typeof record;
    } catch {
      // No record (copied in by hand, or its record lost): listed, never counted as verified.
    }
    const stat = statSync(path);
    records.push({
      path,
      createdAt: typeof record.createdAt === 'string' ? record.createdAt : stat.mtime.toISOString(),
      bytes: stat.size,
      verified: record.verified === true,
      reason: typeof record.reason === 'string' ? record.reason : 'manual',
      counts: record.counts ?? { sources: 0, excerpts: 0, entities: 0, briefs: 0 },
    });
  }
  return records.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * Puts a backup in place of the workspace: the backup is checked first (it must pass and
 * be a Sourcebook workspace), the workspace as it is now is backed up (the safety backup,
 * returned as `previous`), then the backup's copy is renamed over the workspace file, so
 * the workspace is at every moment either the old file or the whole restored one. The
 * workspace must not be open elsewhere while this runs.
 */
export async function restoreBackup(
  workspacePath: string,
  backupPath: string,
  /** The app's own open connection: used for the safety backup, and closed (`release`) before the file is replaced. */
  open?: { db: Db; release(): void },
): Promise<{ restored: string; previous: string | null }> {
  const source = resolve(backupPath);
  if (!existsSync(source)) throw new UserError(`No backup at ${source}.`);
  let check;
  try {
    check = verifyBackup(source);
  } catch (err) {
    throw new UserError(`${source} cannot be restored: it is not a Sourcebook workspace (${(err as Error).message}).`);
  }
  if (!check.verified) throw new UserError(`${source} cannot be restored: ${check.problems.join('; ')}.`);
  const target = resolve(workspacePath);
  let previous: string | null = null;
  if (open) {
    previous = (await backupBefore(open.db, target, 'restoring a backup')).path;
    open.release();
  } else if (existsSync(target)) {
    let db: Db | null = null;
    try {
      db = openWorkspace(target);
    } catch {
      // Damaged (or otherwise unopenable): it cannot be backed up, and is never written
      // to; it is kept aside, whole, under a name that says so.
      previous = damagedName(target);
      renameSync(target, previous);
      for (const suffix of ['-wal', '-shm']) if (existsSync(`${target}${suffix}`)) renameSync(`${target}${suffix}`, `${previous}${suffix}`);
    }
    if (db) {
      try {
        previous = (await backupBefore(db, target, 'restoring a backup')).path;
      } finally {
        db.close();
      }
    }
  }
  const incoming = `${target}.restoring-${process.pid}`;
  copyFileSync(source, incoming);
  // A WAL left beside the old file would be replayed into the restored one.
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(incoming, target);
  return { restored: source, previous };
}

/**
 * The backup taken before an operation that changes much at once (a migration, a merge,
 * a `source replace`, a restore, a bulk delete): verified, or the operation does not run
 * (backupNow throws). Old automatic backups are thinned out afterwards.
 */
export async function backupBefore(db: Db, workspacePath: string, what: string, now = new Date()): Promise<BackupResult> {
  const result = await backupNow(db, workspacePath, { reason: `before ${what}`, now });
  pruneBackups(workspacePath, now);
  return result;
}

const DAY = 86_400_000;

/**
 * Which automatic backups to keep: the newest 12, the newest of each of the last 7 days,
 * and the newest of each of the last 4 weeks. Backups made by hand are always kept.
 */
export function backupsToPrune(records: readonly BackupRecord[], now: Date): BackupRecord[] {
  const automatic = records.filter((r) => r.reason !== 'manual').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const keep = new Set(automatic.slice(0, 12));
  const newestPer = (span: number, count: number) => {
    for (let i = 0; i < count; i++) {
      const from = now.getTime() - (i + 1) * span;
      const to = now.getTime() - i * span;
      const newest = automatic.find((r) => {
        const t = Date.parse(r.createdAt);
        return t > from && t <= to;
      });
      if (newest) keep.add(newest);
    }
  };
  newestPer(DAY, 7);
  newestPer(7 * DAY, 4);
  return automatic.filter((r) => !keep.has(r));
}

/** Deletes the automatic backups the retention rule no longer keeps; returns their paths. */
export function pruneBackups(workspacePath: string, now = new Date()): string[] {
  const gone = backupsToPrune(listBackups(workspacePath), now);
  for (const r of gone) {
    rmSync(r.path, { force: true });
    rmSync(recordOf(r.path), { force: true });
  }
  return gone.map((r) => r.path);
}

/**
 * Automatic backups while a workspace is open (the app, `serve`): one after changes, at
 * most every `everyMs` (by default the Settings' cadence, 15 minutes unless changed; never
 * while open when it is 0) — `tick()` is called on a timer — and one when the
 * workspace closes if anything changed since the last. "Changed" is SQLite's count of
 * rows this connection has written, which every write of the app goes through.
 */
export class BackupSchedule {
  private backedUpAt: number;
  private changesAtBackup: number;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly db: Db,
    private readonly workspacePath: string,
    private readonly everyMs: number | null = null,
    private readonly clock: () => number = Date.now,
  ) {
    this.backedUpAt = clock();
    this.changesAtBackup = totalChanges(db);
  }

  private changed(): boolean {
    return totalChanges(this.db) !== this.changesAtBackup;
  }

  /** Backs up if something changed and the last backup is `everyMs` old; resolves to the backup made, if any. */
  async tick(): Promise<BackupResult | null> {
    const every = this.everyMs ?? configured.everyMinutes * 60_000;
    if (every <= 0 || this.running || !this.changed() || this.clock() - this.backedUpAt < every) return null;
    return this.run();
  }

  /** When the workspace closes: a last backup if anything changed since the previous one. */
  async close(): Promise<BackupResult | null> {
    if (this.running) await this.running.catch(() => undefined);
    return this.changed() ? this.run() : null;
  }

  private async run(): Promise<BackupResult> {
    const changes = totalChanges(this.db);
    const now = new Date(this.clock());
    const job = backupNow(this.db, this.workspacePath, { reason: 'automatic', now }).then((r) => {
      this.backedUpAt = now.getTime();
      this.changesAtBackup = changes;
      pruneBackups(this.workspacePath, now);
      return r;
    });
    this.running = job;
    try {
      return await job;
    } finally {
      this.running = null;
    }
  }
}
