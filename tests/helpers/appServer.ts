// The app as the end-to-end tests drive it: the real loopback HTTP server
// (electron/ipc/http.ts) on a fresh workspace in a temporary folder, serving the built renderer.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHttpServer, type RunningServer } from '../../electron/ipc/http';
import { tempDir } from './tmp';
import { SettingsStore } from '../../electron/services/appSettings';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The built renderer, built first if it is missing. SOURCEBOOK_RENDERER_DIR names a build
 * elsewhere, so that a concurrent build of out/ cannot pull files from under a test.
 */
export function builtRenderer(): string {
  const dir = process.env.SOURCEBOOK_RENDERER_DIR ?? join(repo, 'out/renderer');
  if (!existsSync(join(dir, 'index.html'))) buildRenderer(dir);
  return dir;
}

/** Builds the renderer as the sources are now into `dir` (emptied first); returns `dir`. */
export function buildRenderer(dir: string): string {
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn', '--outDir', dir, '--emptyOutDir'], { cwd: repo, stdio: 'inherit' });
  return dir;
}

export interface AppServer extends RunningServer {
  /** The temporary folder holding the workspace, for files a test writes; close() removes it. */
  dir: string;
  /** A request straight to the API, as the page makes it: to set up, or to check what was stored. */
  api<T = unknown>(channel: string, payload: unknown): Promise<T>;
}

/**
 * `sample`: whether the new workspace gets the sample content, as on a first run (the default).
 * `rendererDir`: the built renderer to serve (default: builtRenderer()).
 * `prepare`: fills the workspace file before the server opens it (a large library, say).
 */
export async function startAppServer({
  prefix = 'sourcebook-e2e-',
  sample,
  rendererDir = builtRenderer(),
  prepare,
}: { prefix?: string; sample?: boolean; rendererDir?: string; prepare?: (workspacePath: string) => void } = {}): Promise<AppServer> {
  const tmp = tempDir(prefix);
  let server: RunningServer;
  try {
    prepare?.(tmp.path('workspace.sourcebook'));
    // The person's preferences in the test's own settings file, never the machine's.
    server = await startHttpServer({ workspacePath: tmp.path('workspace.sourcebook'), rendererDir, sample, settings: new SettingsStore(tmp.path('settings.json')) });
  } catch (error) {
    tmp.cleanup();
    throw error;
  }
  return {
    ...server,
    dir: tmp.dir,
    async api<T>(channel: string, payload: unknown): Promise<T> {
      const response = await fetch(new URL(`/api/${channel}`, server.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Sourcebook-Token': server.token },
        body: JSON.stringify(payload),
      });
      const reply = (await response.json()) as { ok: boolean; value?: T; error?: string };
      if (!reply.ok) throw new Error(`${channel}: ${reply.error}`);
      return reply.value as T;
    },
    async close() {
      await server.close();
      tmp.cleanup();
    },
  };
}
