import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import type { Db } from './workspace';

/**
 * Copies the open workspace to `target` with SQLite's online backup API (a consistent
 * snapshot while the app keeps working), then opens the copy and has SQLite check it: a
 * copy is only a backup once `integrity_check` finds nothing wrong. The copy is made one
 * self-contained file (no -wal beside it), so copying it anywhere copies it all. On any
 * failure nothing is left at `target`.
 */
export async function backupTo(db: Db, target: string): Promise<void> {
  try {
    await db.backup(target);
    const copy = new Database(target, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy failed SQLite's integrity check (${String(check)})`);
    } finally {
      copy.close();
    }
  } catch (err) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
    throw err;
  }
}
