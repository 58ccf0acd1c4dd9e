// What every `sourcebook` command is and the few things they share: argument parsing that
// turns mistakes into usage errors, a workspace opened for one command, atomic writes.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Db } from '../../db/workspace';
import { openStore } from '../services/session';
import { syncFolderOf, syncWarning } from '../services/syncFolder';
import { UserError } from '../services/errors';
import { outputProblem } from '../services/workspaceFile';

export { UsageError, parse, one, type Out, type CliContext, type Command } from './args';

export async function withWorkspace<T>(path: string, fn: (db: Db) => T | Promise<T>): Promise<T> {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = openStore(path);
  const sync = syncFolderOf(path);
  if (sync) process.stderr.write(`sourcebook: warning: ${syncWarning(path, sync)}\n`);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

/**
 * Refuses an output path before anything is written (see outputProblem): an existing file
 * only with `force`; the workspace, an SQLite file, a folder, a link or a device never.
 */
export function checkOutput(path: string, options: { workspace: string; force: boolean }): void {
  const problem = outputProblem(path, options);
  if (problem) throw new UserError(problem);
}

/**
 * Writes next to the target and renames, so a failed export never leaves half a file.
 * The temporary file is created exclusively (never through a link or over a file already
 * there); the target is checked again just before the rename.
 */
export function writeAtomically(path: string, data: string | Buffer, options: { workspace: string; force: boolean }): void {
  checkOutput(path, options);
  const tmp = `${path}.${process.pid}.tmp`;
  let created = false;
  try {
    const fd = openSync(tmp, 'wx');
    created = true;
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    } finally {
      closeSync(fd);
    }
    checkOutput(path, options);
    renameSync(tmp, path);
  } catch (err) {
    if (created) rmSync(tmp, { force: true });
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new UserError(`Cannot write ${path}: the disk is full; nothing was written.`, 'disk-full');
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') throw new UserError(`Cannot write ${path}: the folder is read-only or not yours; nothing was written.`, 'read-only');
    throw new UserError(`Cannot write ${path}: ${code ?? (err as Error).message}`);
  }
}
