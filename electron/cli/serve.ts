import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { startHttpServer } from '../ipc/http';
import { appRoot } from '../services/resources';

/** `sourcebook serve`: the app in a browser, on loopback, until interrupted. */
export async function serve(workspacePath: string, port: number): Promise<void> {
  const rendererDir = join(appRoot(), 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The app is not built (${rendererDir} is missing): run "npm run build:renderer" first, or use "npm run serve".`);
  }
  mkdirSync(dirname(resolve(workspacePath)), { recursive: true });
  const server = await startHttpServer({ workspacePath, rendererDir, port });
  process.stdout.write(`Sourcebook is serving workspace ${workspacePath}\nOpen ${server.url}\n(Ctrl+C to stop)\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
