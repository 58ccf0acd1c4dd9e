// Workspace files as the desktop sees them: the `.sourcebook` extension (the file
// association), the name a window shows, and a workspace named on a command line.
import { existsSync, statSync } from 'node:fs';
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
