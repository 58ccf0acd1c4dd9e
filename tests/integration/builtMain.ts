// The built Electron main process as tests use it to reach the router the way the
// window does (electronShell.test.ts checks the shell itself).
import { execFileSync } from 'node:child_process';
import dc from 'node:diagnostics_channel';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll } from 'vitest';
import { tempDir } from '../helpers/tmp';
import { createFakeElectron, loadMainWith } from '../helpers/fakeElectron';

export const root = resolve(__dirname, '../..');

/** Builds the app when out/ is missing or predates the parse worker. */
export function ensureBuilt(): void {
  if (!existsSync(join(root, 'out/main/index.cjs')) || !existsSync(join(root, 'out/main/parseWorker.cjs')) || !existsSync(join(root, 'out/main/recogniseWorker.cjs'))) {
    execFileSync(join(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: 'ignore' });
  }
}

/**
 * Loads a built Electron main process (out/main/index.cjs, or a copy of it) in Node with
 * the recording stand-in for 'electron' and returns its IPC handler as the app's window
 * would call it. `onRequire` sees every module the main process (not its worker threads)
 * requires while it loads, with the file it resolved to or the error.
 */
export async function loadBuiltMain(mainPath: string, userData: string, options: { onRequire?: (request: string, parent: string, outcome: { file: string } | { error: Error }) => void } = {}) {
  const fake = createFakeElectron({ userData });
  await loadMainWith(fake, mainPath, options);
  const invoke = fake.recorded.handlers.get('sourcebook:invoke')!;
  return {
    /** A request from the app's own window. */
    invoke: (channel: string, payload: unknown) => invoke({ senderFrame: { url: fake.recorded.windows[0].url } }, channel, payload),
    /** What the app does on quitting (closes the workspace). */
    quit: async () => {
      for (const fn of fake.recorded.appListeners.get('will-quit') ?? []) await fn();
    },
  };
}

export interface ImportReply {
  ok: boolean;
  value: { imported: { title: string }[]; skipped: unknown[]; failed: unknown[] };
}

/** Uploads one file as the window's file dialog does. */
export async function upload(app: Awaited<ReturnType<typeof loadBuiltMain>>, name: string, data: Uint8Array): Promise<ImportReply> {
  return (await app.invoke('sources:import', { files: [{ name, data: Buffer.from(data).toString('base64') }] })) as ImportReply;
}

export type BuiltApp = Awaited<ReturnType<typeof loadBuiltMain>>;

/**
 * For a test file: the built main process loaded before its tests (with its parse worker
 * rewritten by `worker`, in a copy of out/main laid out as the checkout is), every worker
 * thread it starts recorded (Node's 'worker_threads' diagnostics channel), and all of it
 * ended and removed after them.
 */
export function useBuiltMain(options: { worker?: (code: string) => string } = {}): { app(): BuiltApp; workers: Worker[] } {
  const tmp = tempDir('sourcebook-built-main-');
  const workers: Worker[] = [];
  const onWorker = (message: unknown) => workers.push((message as { worker: Worker }).worker);
  let copy: string | null = null;
  let app: BuiltApp | null = null;
  beforeAll(async () => {
    ensureBuilt();
    let main = join(root, 'out/main/index.cjs');
    if (options.worker) {
      // Outside out/, which `npm run pack` (pack.test.ts) reads while other tests run; laid
      // out as the checkout is, so the copy finds what out/main finds.
      copy = mkdtempSync(join(tmpdir(), 'sourcebook-main-copy-'));
      mkdirSync(join(copy, 'out', 'main'), { recursive: true });
      for (const file of readdirSync(join(root, 'out/main'))) copyFileSync(join(root, 'out/main', file), join(copy, 'out/main', file));
      for (const linked of ['out/preload', 'out/renderer', 'resources', 'node_modules']) symlinkSync(join(root, linked), join(copy, linked));
      const worker = join(copy, 'out/main/parseWorker.cjs');
      writeFileSync(worker, options.worker(readFileSync(worker, 'utf8')));
      main = join(copy, 'out/main/index.cjs');
    }
    app = await loadBuiltMain(main, tmp.dir);
    dc.subscribe('worker_threads', onWorker);
  }, 60_000);
  afterAll(async () => {
    dc.unsubscribe('worker_threads', onWorker);
    await Promise.all(workers.map((w) => w.terminate()));
    await app?.quit();
    if (copy) rmSync(copy, { recursive: true, force: true });
    tmp.cleanup();
  });
  return { app: () => app!, workers };
}
