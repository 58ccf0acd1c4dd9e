// The Electron binary cannot run on these machines, so the built main process is loaded
// in Node with a recording stand-in for the 'electron' module (Electron's API, not one of
// our layers). This checks the thin shell's wiring for real: the window's lock-down, the
// CSP, navigation and window.open blocked, IPC validated and the sender checked, on top
// of the real router and a real workspace file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import Module from 'node:module';
import { join, resolve } from 'node:path';
import { tempDir } from '../helpers/tmp';

const root = resolve(__dirname, '../..');
const tmp = tempDir('sourcebook-shell-');

type Listener = (...args: unknown[]) => unknown;
const recorded = {
  windows: [] as { options: Record<string, unknown>; url?: string }[],
  handlers: new Map<string, Listener>(),
  appListeners: new Map<string, Listener>(),
  headersHook: null as Listener | null,
  permissionHook: null as Listener | null,
  opened: [] as string[],
};

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: Listener | null = null;
  return {
    listeners,
    on: (name: string, fn: Listener) => listeners.set(name, fn),
    setWindowOpenHandler: (fn: Listener) => (openHandler = fn),
    openHandler: () => openHandler,
  };
}

const fakeElectron = {
  app: {
    setName() {},
    requestSingleInstanceLock: () => true,
    on: (name: string, fn: Listener) => recorded.appListeners.set(name, fn),
    whenReady: () => Promise.resolve(),
    getPath: () => tmp.dir,
    quit() {},
    exit(code: number) {
      throw new Error(`app.exit(${code})`);
    },
  },
  BrowserWindow: class {
    static getAllWindows = () => [];
    webContents = fakeContents();
    constructor(options: Record<string, unknown>) {
      recorded.windows.push({ options });
    }
    once() {}
    loadURL(url: string) {
      recorded.windows[recorded.windows.length - 1].url = url;
      return Promise.resolve();
    }
  },
  ipcMain: { handle: (channel: string, fn: Listener) => recorded.handlers.set(channel, fn) },
  Menu: { buildFromTemplate: () => ({}), setApplicationMenu() {} },
  dialog: {
    showErrorBox(title: string, message: string) {
      throw new Error(`${title}: ${message}`);
    },
  },
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: (fn: Listener) => (recorded.headersHook = fn) },
      setPermissionRequestHandler: (fn: Listener) => (recorded.permissionHook = fn),
      setPermissionCheckHandler() {},
    },
  },
  shell: { openExternal: (url: string) => recorded.opened.push(url) },
};

beforeAll(async () => {
  if (!existsSync(join(root, 'out/main/index.cjs')) || !existsSync(join(root, 'out/preload/index.cjs'))) {
    execFileSync(join(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: 'ignore' });
  }
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = (request, ...rest) => (request === 'electron' ? fakeElectron : original(request, ...rest));
  try {
    Module.createRequire(join(root, 'package.json'))(join(root, 'out/main/index.cjs'));
  } finally {
    loader._load = original;
  }
  await new Promise((r) => setTimeout(r, 50)); // whenReady().then(...)
}, 60_000);
afterAll(async () => {
  await (recorded.appListeners.get('will-quit') as Listener | undefined)?.();
  tmp.cleanup();
});

describe('Electron shell (built main process)', () => {
  it('opens one window, sandboxed and context-isolated, with the sandbox-loadable CommonJS preload', () => {
    expect(recorded.windows).toHaveLength(1);
    const prefs = recorded.windows[0].options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(prefs.preload).toMatch(/out[\\/]preload[\\/]index\.cjs$/);
    expect(existsSync(prefs.preload as string)).toBe(true);
    expect(recorded.windows[0].url).toMatch(/^file:.*out\/renderer\/index\.html$/);
  });

  it('puts a strict Content-Security-Policy on every response and grants no permission', () => {
    let headers: Record<string, string[]> = {};
    recorded.headersHook!({ responseHeaders: {} }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders));
    const csp = headers['Content-Security-Policy'][0];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    let granted: boolean | null = null;
    recorded.permissionHook!({}, 'geolocation', (ok: boolean) => (granted = ok));
    expect(granted).toBe(false);
  });

  it('blocks navigation away from the app and window.open, sending web links to the system browser', () => {
    const contents = fakeContents();
    recorded.appListeners.get('web-contents-created')!({}, contents);
    let prevented = false;
    contents.listeners.get('will-navigate')!({ preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
    expect(contents.openHandler()!({ url: 'https://news.example/a' })).toEqual({ action: 'deny' });
    expect(contents.openHandler()!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(recorded.opened).toEqual(['https://evil.example/', 'https://news.example/a']);
  });

  it('answers the app window through the router, and refuses other senders and bad payloads', async () => {
    const invoke = recorded.handlers.get('sourcebook:invoke')!;
    const appFrame = { senderFrame: { url: recorded.windows[0].url } };
    const list = (await invoke(appFrame, 'sources:list', {})) as { ok: boolean; value: { title: string }[] };
    expect(list.ok).toBe(true);
    expect(list.value.length).toBeGreaterThan(0); // the sample workspace of a first run
    const foreign = (await invoke({ senderFrame: { url: 'https://evil.example/' } }, 'sources:list', {})) as { ok: boolean; error: string };
    expect(foreign).toEqual({ ok: false, error: expect.stringMatching(/did not come from the Sourcebook window/) });
    const bad = (await invoke(appFrame, 'excerpts:create', { sourceId: 'src_x', start: 'zero' })) as { ok: boolean; error: string };
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/Invalid request for excerpts:create/);
  });
});
