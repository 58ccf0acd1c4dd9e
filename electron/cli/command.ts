// What every `sourcebook` command is and the few things they share: argument parsing that
// turns mistakes into usage errors, a workspace opened for one command, atomic writes.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Db } from '../../db/workspace';
import { openStore } from '../services/session';
import { syncFolderOf, syncWarning } from '../services/syncFolder';
import { UserError } from '../services/errors';

/** A mistake in how the command was typed: usage on stderr, exit 2. */
export class UsageError extends Error {}

export type Out = { json: boolean; print(value: unknown, human: () => string): void };

export interface CliContext {
  workspace: string;
  out: Out;
}

/** One command of the table: its name as typed ("source replace") and what it does; returns the exit code. */
export interface Command {
  name: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

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

/** Writes next to the target and renames, so a failed export never leaves half a file. */
export function writeAtomically(path: string, data: string | Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new UserError(`Cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

export function one(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required.`);
  return value;
}
