// What a `sourcebook` command is, and reading its arguments: the light part of the command
// line, loaded for every run (`help` included), with nothing of the workspace or services.
import { parseArgs, type ParseArgsConfig } from 'node:util';

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


export function one(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required.`);
  return value;
}
