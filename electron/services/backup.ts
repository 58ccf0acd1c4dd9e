// "Back up now": a checked copy of the open workspace (db/backup.ts), written beside the
// workspace in a "<name> backups" folder under a name that says when it was made.
import { mkdirSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { backupTo } from '../../db/backup';
import type { Db } from '../../db/workspace';

export interface BackupResult {
  path: string;
  bytes: number;
}

/** The folder a workspace's backups go to: "<name> backups" beside it. */
export function backupFolder(workspacePath: string): string {
  const name = basename(workspacePath, extname(workspacePath));
  return join(dirname(workspacePath), `${name} backups`);
}

const stamp = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '-');

export async function backupNow(db: Db, workspacePath: string, now = new Date()): Promise<BackupResult> {
  const folder = backupFolder(workspacePath);
  mkdirSync(folder, { recursive: true });
  const name = basename(workspacePath, extname(workspacePath));
  const target = join(folder, `${name} ${stamp(now)}.sourcebook`);
  // Written under a temporary name and renamed once checked: a backup folder never holds half a backup.
  const partial = `${target}.partial`;
  try {
    await backupTo(db, partial);
  } catch (err) {
    throw new Error(`Backup of ${workspacePath} failed: ${(err as Error).message}. The workspace itself is unchanged.`);
  }
  renameSync(partial, target);
  return { path: target, bytes: statSync(target).size };
}
