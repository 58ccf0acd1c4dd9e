// Loads a built Electron main process (out/main/index.cjs, or a copy of it) in Node with
// a stand-in for the 'electron' module covering only what electron/main/index.ts touches
// on its way to registering its IPC handler (electronShell.test.ts checks the shell
// itself), and returns that handler as the app's window would call it.
import { execFileSync } from 'node:child_process';
import dc from 'node:diagnostics_channel';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll } from 'vitest';
import { tempDir } from '../helpers/tmp';

export const root = resolve(__dirname, '../..');

type Listener = (...args: unknown[]) => unknown;
const noop = () => undefined;

/** Builds the app when out/ is missing or predates the parse worker. */
export function ensureBuilt(): void {
  if (!existsSync(join(root, 'out/main/index.cjs')) || !existsSync(join(root, 'out/main/parseWorker.cjs'))) {
    execFileSync(join(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: 'ignore' });
  }
}

export async function loadBuiltMain(mainPath: string, userData: string) {
  const handlers = new Map<string, Listener>();
  const appListeners = new Map<string, Listener>();
  const windowUrls: string[] = [];
  const fakeElectron = {
    app: { setName: noop, requestSingleInstanceLock: () => true, on: (name: string, fn: Listener) => appListeners.set(name, fn), whenReady: () => Promise.resolve(), getPath: () => userData, quit: noop },
    BrowserWindow: class {
      static getAllWindows = () => [];
      webContents = { on: noop, setWindowOpenHandler: noop };
      once() {}
      loadURL(url: string) {
        windowUrls.push(url);
        return Promise.resolve();
      }
    },
    ipcMain: { handle: (channel: string, fn: Listener) => handlers.set(channel, fn) },
    Menu: { buildFromTemplate: () => ({}), setApplicationMenu: noop },
    dialog: {
      showErrorBox: (title: string, message: string) => {
        throw new Error(`${title}: ${message}`);
      },
    },
    session: { defaultSession: { webRequest: { onHeadersReceived: noop }, setPermissionRequestHandler: noop, setPermissionCheckHandler: noop } },
    shell: { openExternal: noop },
  };
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = (request, ...rest) => (request === 'electron' ? fakeElectron : original(request, ...rest));
  try {
    Module.createRequire(join(root, 'package.json'))(mainPath);
  } finally {
    loader._load = original;
  }
  await new Promise((r) => setTimeout(r, 50)); // whenReady().then(...)
  const invoke = handlers.get('sourcebook:invoke')!;
  return {
    /** A request from the app's own window. */
    invoke: (channel: string, payload: unknown) => invoke({ senderFrame: { url: windowUrls[0] } }, channel, payload),
    /** What the app does on quitting (closes the workspace). */
    quit: async () => {
      await (appListeners.get('will-quit') as Listener | undefined)?.();
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
 * rewritten by `worker`, in a copy of out/main beside it, so the copy finds node_modules
 * as out/main does), every worker thread it starts recorded (Node's 'worker_threads'
 * diagnostics channel), and all of it ended and removed after them.
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
      copy = mkdtempSync(join(root, 'out/test-main-'));
      for (const file of readdirSync(join(root, 'out/main'))) copyFileSync(join(root, 'out/main', file), join(copy, file));
      const worker = join(copy, 'parseWorker.cjs');
      writeFileSync(worker, options.worker(readFileSync(worker, 'utf8')));
      main = join(copy, 'index.cjs');
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
