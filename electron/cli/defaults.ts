import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the app keeps its default workspace: Electron's userData folder for an app
 * named "Sourcebook" (computed here without Electron so the CLI finds the same file).
 */
export function defaultWorkspacePath(): string {
  if (process.env.SOURCEBOOK_WORKSPACE) return process.env.SOURCEBOOK_WORKSPACE;
  const home = homedir();
  const base =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(base, 'Sourcebook', 'workspace.sqlite');
}

export const WORKSPACE_FILE_NAME = 'workspace.sqlite';
