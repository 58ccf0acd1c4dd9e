// Workspace files as the desktop sees them: the `.sourcebook` extension (the file
// association), the name a window shows, and a workspace named on a command line.
import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { hasSqliteHeader } from '../../db/workspace';
import { basename, extname, isAbsolute, resolve } from 'node:path';

export const WORKSPACE_EXTENSION = '.sourcebook';
/** Files the app opens as workspaces: its own extension, and the older `workspace.sqlite` kind. */
const OPENABLE = new Set([WORKSPACE_EXTENSION, '.sqlite', '.db']);

/** "Port inquiry" for ".../Port inquiry.sourcebook". */
export function workspaceName(path: string): string {
  return basename(path, extname(path)) || basename(path);
}

/**
 * The workspace a launch names (a double-click, `sourcebook file.sourcebook`, a second
 * instance's argv): the last argument that is an existing workspace file. Switches and
 * the app's own path are skipped; relative paths are taken from `cwd`.
 */
export function workspaceArgument(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i];
    if (!arg || arg.startsWith('-') || !OPENABLE.has(extname(arg).toLowerCase())) continue;
    const path = isAbsolute(arg) ? arg : resolve(cwd, arg);
    try {
      if (existsSync(path) && statSync(path).isFile()) return path;
    } catch {
      // unreadable: not a workspace to open
    }
  }
  return null;
}

/** A save dialog's answer with the extension added when the person left it off. */
export function withWorkspaceExtension(path: string): string {
  return OPENABLE.has(extname(path).toLowerCase()) ? path : `${path}${WORKSPACE_EXTENSION}`;
}

/**
 * Why a file may not be written at `path` (an export's output), or null when it may.
 * An existing regular file is replaced only with `force`; the open workspace (and its
 * -wal/-shm/-journal companions), any SQLite database, a folder, a symbolic link or a
 * special file (a device, a pipe) never, whatever `force` says.
 */
export function outputProblem(path: string, options: { workspace: string; force: boolean }): string | null {
  const target = resolve(path);
  let stat;
  try {
    stat = lstatSync(target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return `Cannot write ${path}: ${(err as Error).message}.`;
  }
  const ws = resolve(options.workspace);
  const wsReal = existsSync(ws) ? realpathSync(ws) : ws;
  const real = stat.isSymbolicLink() ? target : realpathSync(target);
  if (['', '-wal', '-shm', '-journal'].some((suffix) => target === `${ws}${suffix}` || real === `${wsReal}${suffix}`)) {
    return `${path} is the open workspace (or part of it); Sourcebook never writes an export over it.`;
  }
  if (stat.isSymbolicLink()) return `${path} is a symbolic link; Sourcebook does not write an export through it, even with --force.`;
  if (stat.isDirectory()) return `${path} is a folder; give a file name for the export.`;
  if (!stat.isFile()) return `${path} is not a regular file (a device, a pipe or a socket); Sourcebook does not write an export over it, even with --force.`;
  if (hasSqliteHeader(target)) return `${path} is an SQLite database; Sourcebook never writes an export over it, even with --force.`;
  if (!options.force) return `${path} already exists; add --force to replace it.`;
  return null;
}
