// A recording stand-in for the 'electron' module (Electron's API, not one of our layers):
// the Electron binary cannot run on these machines, so the built main process is loaded
// in Node with this in place of 'electron'. It records what the main process asks of
// Electron (windows and their options, handlers, menus, dialogs, protocol handlers) and
// answers dialogs as a test scripts them.
import Module from 'node:module';
import { join } from 'node:path';

type Listener = (...args: unknown[]) => unknown;

export interface DialogCall {
  kind: 'showErrorBox' | 'showMessageBox' | 'showMessageBoxSync' | 'showOpenDialog' | 'showSaveDialog';
  options: Record<string, unknown>;
}

export interface FakeWindow {
  options: Record<string, unknown>;
  url?: string;
  title: string;
  listeners: Map<string, Listener[]>;
  contents: FakeContents;
  maximized: boolean;
  bounds: { x: number; y: number; width: number; height: number };
  closed: boolean;
  backgroundColor?: string;
  /** Runs the window's 'close' listeners as a person closing it would; true if it closed. */
  tryClose(): boolean;
}

export interface FakeContents {
  listeners: Map<string, Listener[]>;
  openHandler: Listener | null;
  scripts: { code: string; userGesture: boolean }[];
  reloads: number;
  sessionListeners: Map<string, Listener[]>;
  emit(name: string, ...args: unknown[]): void;
}

export interface FakeElectronOptions {
  userData: string;
  home?: string;
  isPackaged?: boolean;
  displays?: { x: number; y: number; width: number; height: number }[];
  dark?: boolean;
  /** Answers to message boxes, in order (the button index); 0 when none is left. */
  messageBoxAnswers?: number[];
  /** Answers to open/save dialogs, in order. */
  fileDialogAnswers?: { canceled: boolean; filePaths?: string[]; filePath?: string }[];
  /** showErrorBox throws (a start-up failure fails the test loudly) unless false. */
  throwOnErrorBox?: boolean;
}

function on(map: Map<string, Listener[]>, name: string, fn: Listener): void {
  map.set(name, [...(map.get(name) ?? []), fn]);
}

function fakeContents(): FakeContents {
  const listeners = new Map<string, Listener[]>();
  const contents: FakeContents = {
    listeners,
    openHandler: null,
    scripts: [],
    reloads: 0,
    sessionListeners: new Map(),
    emit: (name, ...args) => listeners.get(name)?.forEach((fn) => fn(...args)),
  };
  return contents;
}

export function createFakeElectron(options: FakeElectronOptions) {
  const displays = options.displays ?? [{ x: 0, y: 0, width: 1920, height: 1080 }];
  const messageBoxAnswers = [...(options.messageBoxAnswers ?? [])];
  const fileDialogAnswers = [...(options.fileDialogAnswers ?? [])];
  const recorded = {
    windows: [] as FakeWindow[],
    handlers: new Map<string, Listener>(),
    appListeners: new Map<string, Listener[]>(),
    headersHook: null as Listener | null,
    permissionHook: null as Listener | null,
    opened: [] as string[],
    shown: [] as string[],
    dialogs: [] as DialogCall[],
    menus: [] as unknown[],
    recentDocuments: [] as string[],
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    exitCode: null as number | null,
    quits: 0,
  };
  const nativeTheme = { themeSource: 'system', get shouldUseDarkColors() {
    return this.themeSource === 'dark' || (this.themeSource === 'system' && !!options.dark);
  } };
  const answerBox = () => messageBoxAnswers.shift() ?? 0;
  const answerFile = () => fileDialogAnswers.shift() ?? { canceled: true, filePaths: [] };
  const dialogCall = (kind: DialogCall['kind'], args: unknown[]) => {
    const opts = (args.find((a) => a && typeof a === 'object' && !('webContents' in (a as object))) ?? {}) as Record<string, unknown>;
    recorded.dialogs.push({ kind, options: opts });
  };

  class BrowserWindow {
    static windows: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.windows.filter((w) => !w.record.closed);
    static fromWebContents = (contents: unknown) => BrowserWindow.windows.find((w) => w.webContents === contents) ?? null;
    record: FakeWindow;
    webContents: ReturnType<typeof contentsApi>;
    constructor(opts: Record<string, unknown>) {
      const contents = fakeContents();
      const record: FakeWindow = {
        options: opts,
        title: String(opts.title ?? ''),
        listeners: new Map(),
        contents,
        maximized: false,
        bounds: { x: Number(opts.x ?? 0), y: Number(opts.y ?? 0), width: Number(opts.width ?? 800), height: Number(opts.height ?? 600) },
        closed: false,
        backgroundColor: opts.backgroundColor as string | undefined,
        tryClose() {
          let prevented = false;
          record.listeners.get('close')?.forEach((fn) => fn({ preventDefault: () => (prevented = true) }));
          if (!prevented) {
            record.closed = true;
            record.listeners.get('closed')?.forEach((fn) => fn());
          }
          return !prevented;
        },
      };
      this.record = record;
      this.webContents = contentsApi(contents);
      recorded.windows.push(this.record);
      BrowserWindow.windows.push(this);
    }
    once(name: string, fn: Listener) {
      on(this.record.listeners, name, fn);
    }
    on(name: string, fn: Listener) {
      on(this.record.listeners, name, fn);
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
    setTitle(title: string) {
      this.record.title = title;
    }
    maximize() {
      this.record.maximized = true;
    }
    isMaximized() {
      return this.record.maximized;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    show() {}
    getNormalBounds() {
      return this.record.bounds;
    }
    setBackgroundColor(color: string) {
      this.record.backgroundColor = color;
    }
    close() {
      this.record.tryClose();
    }
  }

  function contentsApi(contents: FakeContents) {
    return {
      on: (name: string, fn: Listener) => on(contents.listeners, name, fn),
      setWindowOpenHandler: (fn: Listener) => (contents.openHandler = fn),
      executeJavaScript: (code: string, userGesture = false) => {
        contents.scripts.push({ code, userGesture });
        return Promise.resolve(undefined);
      },
      reload: () => {
        contents.reloads++;
      },
      session: { on: (name: string, fn: Listener) => on(contents.sessionListeners, name, fn) },
    };
  }

  const electron = {
    app: {
      isPackaged: options.isPackaged ?? false,
      setName() {},
      getVersion: () => '0.1.0',
      requestSingleInstanceLock: () => true,
      on: (name: string, fn: Listener) => on(recorded.appListeners, name, fn),
      whenReady: () => Promise.resolve(),
      isReady: () => true,
      getPath: (name: string) => (name === 'userData' ? options.userData : name === 'home' ? (options.home ?? options.userData) : join(options.home ?? options.userData, name)),
      addRecentDocument: (path: string) => recorded.recentDocuments.push(path),
      quit: () => {
        recorded.quits++;
      },
      exit(code: number) {
        recorded.exitCode = code;
      },
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: Listener) => recorded.handlers.set(channel, fn) },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: { template: unknown }) => recorded.menus.push(menu.template),
    },
    dialog: {
      showErrorBox(title: string, message: string) {
        recorded.dialogs.push({ kind: 'showErrorBox', options: { title, message } });
        if (options.throwOnErrorBox !== false) throw new Error(`${title}: ${message}`);
      },
      showMessageBox: (...args: unknown[]) => {
        dialogCall('showMessageBox', args);
        return Promise.resolve({ response: answerBox(), checkboxChecked: false });
      },
      showMessageBoxSync: (...args: unknown[]) => {
        dialogCall('showMessageBoxSync', args);
        return answerBox();
      },
      showOpenDialog: (...args: unknown[]) => {
        dialogCall('showOpenDialog', args);
        return Promise.resolve(answerFile());
      },
      showSaveDialog: (...args: unknown[]) => {
        dialogCall('showSaveDialog', args);
        return Promise.resolve(answerFile());
      },
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (fn: Listener) => (recorded.headersHook = fn) },
        setPermissionRequestHandler: (fn: Listener) => (recorded.permissionHook = fn),
        setPermissionCheckHandler() {},
      },
    },
    shell: {
      openExternal: (url: string) => {
        recorded.opened.push(url);
        return Promise.resolve();
      },
      showItemInFolder: (path: string) => recorded.shown.push(path),
      openPath: (path: string) => {
        recorded.shown.push(path);
        return Promise.resolve('');
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privilegedSchemes.push(...schemes),
      handle: (scheme: string, fn: (request: Request) => Promise<Response>) => recorded.protocolHandlers.set(scheme, fn),
    },
    nativeTheme,
    screen: {
      getAllDisplays: () => displays.map((workArea) => ({ workArea })),
      getPrimaryDisplay: () => ({ workArea: displays[0] }),
    },
  };
  return { electron, recorded, nativeTheme };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/**
 * Requires a built main process (fresh, not from the module cache) with `fake` as its
 * 'electron'; `onRequire` sees every other module it requires, resolved or not.
 */
export async function loadMainWith(
  fake: FakeElectron,
  mainPath: string,
  options: { onRequire?: (request: string, parent: string, outcome: { file: string } | { error: Error }) => void; argv?: string[] } = {},
): Promise<void> {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown; _resolveFilename: (request: string, parent: unknown) => string };
  const original = loader._load;
  const requireFrom = Module.createRequire(mainPath);
  delete requireFrom.cache[mainPath];
  loader._load = (request, ...rest) => {
    if (request === 'electron') return fake.electron;
    if (options.onRequire && !Module.isBuiltin(request)) {
      const parent = rest[0] as { filename?: string } | undefined;
      try {
        options.onRequire(request, parent?.filename ?? '', { file: loader._resolveFilename(request, parent) });
      } catch (error) {
        options.onRequire(request, parent?.filename ?? '', { error: error as Error });
      }
    }
    return original(request, ...rest);
  };
  const argv = process.argv;
  if (options.argv) process.argv = options.argv;
  try {
    requireFrom(mainPath);
  } finally {
    loader._load = original;
    process.argv = argv;
  }
  // whenReady().then(...): the workspace opens, then the window.
  const deadline = Date.now() + 30_000;
  while (fake.recorded.windows.length === 0 && fake.recorded.exitCode === null) {
    if (Date.now() > deadline) throw new Error('The main process opened no window within 30 s.');
    await new Promise((r) => setTimeout(r, 20));
  }
}
