import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The desktop app's user-data folder: Electron's userData for an app named "Sourcebook"
 * (computed here without Electron so the command line finds the same files).
 */
export function appDataDir(): string {
  const home = homedir();
  const base =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(base, 'Sourcebook');
}

/** Where the app keeps its default workspace (or $SOURCEBOOK_WORKSPACE). */
export function defaultWorkspacePath(): string {
  if (process.env.SOURCEBOOK_WORKSPACE) return process.env.SOURCEBOOK_WORKSPACE;
  return join(appDataDir(), 'workspace.sqlite');
}

/** The app's memory (last workspace, recent list): services/appSettings.ts reads and writes it. */
export function settingsFilePath(): string {
  return join(appDataDir(), 'settings.json');
}

export const WORKSPACE_FILE_NAME = 'workspace.sqlite';
