import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { searchIndexProblems, workspaceCounts, type Db, type WorkspaceCounts } from './workspace';
import { bytesHash, contentHash, storedVersions } from './sources';

export interface BackupCheck {
  /** True only when every check passed: SQLite's integrity_check (search indexes included) and the counts. */
  verified: boolean;
  /** What the copy holds. */
  counts: WorkspaceCounts;
  /** Why it is not verified (empty when it is). */
  problems: string[];
}

/**
 * Checks a backup file on its own, opened read-only: SQLite's `integrity_check` passes
 * (since SQLite 3.44 it also checks every FTS5 index through the tables' xIntegrity
 * method, so the search indexes are covered), and, when given, its counts of sources,
 * excerpts, entities and briefs are the workspace's at the moment it was copied.
 */
export function verifyBackup(path: string, expected?: WorkspaceCounts): BackupCheck {
  const problems: string[] = [];
  let counts: WorkspaceCounts;
  const copy = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const check = (copy.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (check.join() !== 'ok') problems.push(`SQLite's integrity check failed (${check.slice(0, 3).join('; ')})`);
    counts = workspaceCounts(copy);
    // Provenance too: every version's text and original bytes still hash to what was recorded.
    for (const v of storedVersions(copy)) {
      if (contentHash(v.text) !== v.contentHash) problems.push(`the text of ${v.sourceId} version ${v.version} no longer matches its recorded hash`);
      if (v.original && v.originalHash && bytesHash(v.original) !== v.originalHash) problems.push(`the original bytes of ${v.sourceId} version ${v.version} no longer match their recorded hash`);
    }
  } finally {
    copy.close();
  }
  problems.push(...searchIndexCheck(path));
  if (expected) {
    for (const key of Object.keys(expected) as (keyof WorkspaceCounts)[]) {
      if (expected[key] !== counts[key]) problems.push(`it holds ${counts[key]} ${key} where the workspace held ${expected[key]}`);
    }
  }
  return { verified: problems.length === 0, counts, problems };
}

/** The source index against the texts (searchIndexProblems), on a connection that may run the check; it changes nothing. */
function searchIndexCheck(path: string): string[] {
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch {
    return []; // a read-only place: integrity_check above is what can be run
  }
  try {
    return searchIndexProblems(db);
  } finally {
    db.close();
  }
}

/**
 * Copies the open workspace to `target` with SQLite's online backup API (a consistent
 * snapshot while the app keeps working), made one self-contained file (no -wal beside it,
 * so copying it anywhere copies it all), then verified (verifyBackup) against the
 * workspace's counts taken as the copy completed. On a failure to write, nothing is left
 * at `target`; a copy that fails verification is kept, reported as not verified.
 */
export async function backupTo(db: Db, target: string): Promise<BackupCheck> {
  let expected: WorkspaceCounts;
  try {
    await db.backup(target);
    expected = workspaceCounts(db);
    const copy = new Database(target, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  } catch (err) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
    throw err;
  }
  return verifyBackup(target, expected);
}

/**
 * A copy made in one statement (`VACUUM INTO`): for the moment before a migration, while
 * the workspace is being opened and nothing else runs. Verified as backupTo's copies are.
 */
export function snapshotTo(db: Db, target: string): BackupCheck {
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } catch (err) {
    rmSync(target, { force: true });
    throw err;
  }
  return verifyBackup(target, workspaceCounts(db));
}
