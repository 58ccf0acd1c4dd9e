// "Back up now": a copy of the open workspace made with SQLite's online backup API (a
// consistent snapshot while the app keeps working), written beside the workspace in a
// "<name> backups" folder, then opened and checked before it is called a backup.
import Database from 'better-sqlite3';
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
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
  const partial = `${target}.partial`;
  try {
    await db.backup(partial);
    // A backup is only a backup once it opens and SQLite finds nothing wrong in it. It is
    // one self-contained file (no -wal beside it), so copying it anywhere copies it all.
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy failed SQLite's integrity check (${String(check)})`);
    } finally {
      copy.close();
    }
    renameSync(partial, target);
  } catch (err) {
    rmSync(partial, { force: true });
    throw new Error(`Backup of ${workspacePath} failed: ${(err as Error).message}. The workspace itself is unchanged.`);
  }
  return { path: target, bytes: statSync(target).size };
}
