import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { startHttpServer } from '../ipc/http';
import { appRoot } from '../services/resources';
import { SettingsStore } from '../services/appSettings';
import { settingsFilePath } from './defaults';

/**
 * `sourcebook serve`: the app in a browser, on loopback, until interrupted. The page may
 * switch among the workspace served, the others named on the command line, and the
 * desktop app's recent list, which the served workspaces join (one list for both).
 */
export async function serve(workspacePath: string, port: number, named: readonly string[] = []): Promise<void> {
  const rendererDir = join(appRoot(), 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The app is not built (${rendererDir} is missing): run "npm run build:renderer" first, or use "npm run serve".`);
  }
  mkdirSync(dirname(resolve(workspacePath)), { recursive: true });
  const settings = new SettingsStore(settingsFilePath());
  const others = named.map((p) => resolve(p));
  for (const path of others.filter((p) => !existsSync(p))) {
    process.stderr.write(`sourcebook: ${path} does not exist; the page lists it as missing and cannot open it (serve never creates the other workspaces).\n`);
  }
  const server = await startHttpServer({
    workspacePath,
    rendererDir,
    port,
    otherWorkspaces: () => [...others, ...settings.recent().map((r) => r.path)],
    onSwitched: (path) => remember(settings, path),
    settings,
  });
  remember(settings, workspacePath);
  process.stdout.write(`Sourcebook is serving workspace ${workspacePath}\nOpen ${server.url}\n(Ctrl+C to stop)\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The recent list is the person's machine state, not their data: failing to write it never stops serving. */
function remember(settings: SettingsStore, path: string): void {
  try {
    settings.opened(path);
  } catch {
    // a read-only or missing settings folder
  }
}
