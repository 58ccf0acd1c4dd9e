// Backups of a workspace: checked copies (db/backup.ts) written beside it in a
// "<name> backups" folder, each with a small record of when it was made and what its
// check found (`<file>.json`), listed newest first, and restored over the workspace after
// a safety backup of what was there.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { backupTo, verifyBackup } from '../../db/backup';
import { openWorkspace, type Db, type WorkspaceCounts } from '../../db/workspace';
import { UserError } from './errors';

export interface BackupResult {
  path: string;
  bytes: number;
  verified: boolean;
  counts: WorkspaceCounts;
}

export interface BackupRecord extends BackupResult {
  createdAt: string;
}

/** The folder a workspace's backups go to: "<name> backups" beside it. */
export function backupFolder(workspacePath: string): string {
  const name = basename(workspacePath, extname(workspacePath));
  return join(dirname(resolve(workspacePath)), `${name} backups`);
}

const stamp = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '-');
const recordOf = (path: string) => `${path}.json`;

/**
 * Backs the open workspace up to `to`, or to its backups folder under a name that says
 * when. Written under a temporary name and renamed once checked, so no folder ever holds
 * half a backup; an unverified copy is kept but recorded as such, and the call fails.
 */
export async function backupNow(db: Db, workspacePath: string, options: { to?: string; now?: Date } = {}): Promise<BackupResult> {
  const now = options.now ?? new Date();
  let target: string;
  if (options.to) {
    target = resolve(options.to);
    if (existsSync(target)) throw new UserError(`${target} already exists; a backup never replaces a file.`);
    mkdirSync(dirname(target), { recursive: true });
  } else {
    const folder = backupFolder(workspacePath);
    mkdirSync(folder, { recursive: true });
    target = join(folder, `${basename(workspacePath, extname(workspacePath))} ${stamp(now)}.sourcebook`);
  }
  const partial = `${target}.partial`;
  let check;
  try {
    check = await backupTo(db, partial);
  } catch (err) {
    throw new UserError(`Backup of ${workspacePath} failed: ${(err as Error).message}. The workspace itself is unchanged.`);
  }
  renameSync(partial, target);
  const result: BackupResult = { path: target, bytes: statSync(target).size, verified: check.verified, counts: check.counts };
  writeFileSync(recordOf(target), JSON.stringify({ createdAt: now.toISOString(), verified: check.verified, counts: check.counts, problems: check.problems }, null, 2));
  if (!check.verified) throw new UserError(`The backup at ${target} did not pass its check: ${check.problems.join('; ')}. It is kept, marked unverified.`);
  return result;
}

/** The backups in a workspace's backups folder, newest first, with what each one's check found. */
export function listBackups(workspacePath: string): BackupRecord[] {
  const folder = backupFolder(workspacePath);
  if (!existsSync(folder)) return [];
  const records: BackupRecord[] = [];
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.sourcebook')) continue;
    const path = join(folder, name);
    let record: { createdAt?: unknown; verified?: unknown; counts?: WorkspaceCounts } = {};
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
export async function restoreBackup(workspacePath: string, backupPath: string): Promise<{ restored: string; previous: string | null }> {
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
  if (existsSync(target)) {
    const db = openWorkspace(target);
    try {
      previous = (await backupNow(db, target)).path;
    } finally {
      db.close();
    }
  }
  const incoming = `${target}.restoring-${process.pid}`;
  copyFileSync(source, incoming);
  // A WAL left beside the old file would be replayed into the restored one.
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(incoming, target);
  return { restored: source, previous };
}
