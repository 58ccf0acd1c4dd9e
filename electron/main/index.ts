// The Electron main process: app lifecycle, the window, the workspace it shows, the
// menu, IPC registration. Everything the window asks for is served by the router shared
// with the HTTP transport; what is here is what only a desktop app has (files handed over
// by the OS, native dialogs, a remembered window, a crash that loses nothing).
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, screen, shell } from 'electron';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { WINDOW_BACKGROUND, commandById, type CommandId } from '../../common/commands';
import { openSession, type Session } from '../services/session';
import { SettingsStore, placeOnScreen, type ThemeSource } from '../services/appSettings';
import { backupNow } from '../services/backup';
import { withWorkspaceExtension, workspaceArgument, workspaceName, WORKSPACE_EXTENSION } from '../services/workspaceFile';
import { createRouter, type Router } from '../ipc/router';
import { IPC_INVOKE } from '../ipc/constants';
import { APP_URL, registerAppScheme, serveRenderer } from './appProtocol';
import { isAppUrl, lockDownContents, lockDownSession } from './security';
import { electronPrinter } from './pdfPrinter';
import { menuTemplate } from './menu';
import { trackBusy, type BusyTracker } from './busy';

app.setName('Sourcebook');
registerAppScheme();

// A developer's renderer server (electron-vite dev) only in an unpackaged app: in the
// packaged app no environment variable can point the trusted window at another origin.
const devRendererUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererUrl = devRendererUrl ?? APP_URL;
const userData = app.getPath('userData');
const settings = new SettingsStore(join(userData, 'settings.json'));
const defaultWorkspace = join(userData, 'workspace.sqlite');
const windowIcon = join(__dirname, '../../resources/icon.png');

let session: Session | null = null;
let route: Router | null = null;
let win: BrowserWindow | null = null;
let quitConfirmed = false;
const busy: BusyTracker = trackBusy();

const title = () => (session ? `${workspaceName(session.workspacePath)} — Sourcebook` : 'Sourcebook');

function refreshChrome(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        { isMac: process.platform === 'darwin', dev: !app.isPackaged, recent: settings.recent(), theme: settings.get().theme, hasWorkspace: session !== null },
        { run: (id) => void runCommand(id), openRecent: (path) => void openRecent(path), clearRecent: () => (settings.clearRecent(), refreshChrome()) },
        app.getPath('home'),
      ),
    ),
  );
  win?.setTitle(title());
}

function showError(message: string, detail: string): void {
  if (win) void dialog.showMessageBox(win, { type: 'error', message, detail, buttons: ['OK'] });
  else dialog.showErrorBox(message, detail);
}

/**
 * Opens a workspace in place of the current one. The new file is opened (and checked)
 * first: if it cannot be, the open workspace stays as it was.
 */
async function switchWorkspace(path: string): Promise<boolean> {
  mkdirSync(dirname(path), { recursive: true });
  let next: Session;
  try {
    next = await openSession(path, { printer: electronPrinter(), sample: path === defaultWorkspace });
  } catch (err) {
    showError('Sourcebook cannot open this workspace', (err as Error).message);
    return false;
  }
  const previous = session;
  session = next;
  route = createRouter(next);
  await previous?.close();
  settings.opened(path);
  app.addRecentDocument(path);
  refreshChrome();
  if (win && previous) {
    // The window's remembered view (open source and brief) belongs to the old workspace.
    await win.webContents.executeJavaScript("localStorage.removeItem('sourcebook.view')").catch(() => undefined);
    win.webContents.reload();
  }
  return true;
}

async function openRecent(path: string): Promise<void> {
  if (settings.recent().find((r) => r.path === path)?.missing) {
    const { response } = await dialog.showMessageBox(win!, {
      type: 'warning',
      message: `${workspaceName(path)} is no longer there`,
      detail: `${path} was moved, renamed or deleted (or its drive is not connected).`,
      buttons: ['Remove from Recent', 'Keep'],
      defaultId: 0,
      cancelId: 1,
    });
    if (response === 0) {
      settings.forget(path);
      refreshChrome();
    }
    return;
  }
  await switchWorkspace(path);
}

const workspaceFilters = [{ name: 'Sourcebook workspace', extensions: [WORKSPACE_EXTENSION.slice(1), 'sqlite'] }];

async function runCommand(id: CommandId): Promise<void> {
  const command = commandById(id)!;
  if (command.target === 'window') {
    // Sent as a page event with a user gesture: a menu choice is the person's own act, and
    // a file chooser (Import) opens only on one. Only registry ids reach this string.
    if (win) await win.webContents.executeJavaScript(`window.dispatchEvent(new CustomEvent('sourcebook:command', { detail: ${JSON.stringify(id)} }))`, true);
    return;
  }
  switch (id) {
    case 'workspace.new': {
      const r = await dialog.showSaveDialog(win!, { title: 'New Workspace', buttonLabel: 'Create', defaultPath: join(app.getPath('documents'), `Untitled${WORKSPACE_EXTENSION}`), filters: workspaceFilters });
      if (!r.canceled && r.filePath) await switchWorkspace(withWorkspaceExtension(r.filePath));
      return;
    }
    case 'workspace.open': {
      const r = await dialog.showOpenDialog(win!, { title: 'Open Workspace', properties: ['openFile'], filters: workspaceFilters });
      if (!r.canceled && r.filePaths[0]) await switchWorkspace(r.filePaths[0]);
      return;
    }
    case 'workspace.saveCopy': {
      if (!session) return;
      const r = await dialog.showSaveDialog(win!, { title: 'Save a Copy As', defaultPath: join(app.getPath('documents'), `${workspaceName(session.workspacePath)} copy${WORKSPACE_EXTENSION}`), filters: workspaceFilters });
      if (r.canceled || !r.filePath) return;
      try {
        const copy = await backupNow(session.db, session.workspacePath);
        copyFileSync(copy.path, withWorkspaceExtension(r.filePath));
      } catch (err) {
        showError('The copy could not be saved', (err as Error).message);
      }
      return;
    }
    case 'workspace.backup': {
      if (!session) return;
      try {
        const done = await backupNow(session.db, session.workspacePath);
        await dialog.showMessageBox(win!, { type: 'info', message: 'Backup made and checked', detail: `${done.path}\n(${(done.bytes / 1024 / 1024).toFixed(1)} MB)`, buttons: ['OK'] });
      } catch (err) {
        showError('The backup failed', (err as Error).message);
      }
      return;
    }
    case 'workspace.reveal':
      if (session) shell.showItemInFolder(session.workspacePath);
      return;
    case 'view.theme.system':
    case 'view.theme.light':
    case 'view.theme.dark':
      applyTheme(id.slice('view.theme.'.length) as ThemeSource);
      return;
    case 'window.close':
      win?.close();
      return;
    case 'help.dataFolder':
      await shell.openPath(userData);
      return;
    case 'help.about':
      await dialog.showMessageBox(win!, {
        type: 'info',
        title: 'About Sourcebook',
        message: `Sourcebook ${app.getVersion()}`,
        detail: `An offline notebook for analysts.\n\nWorkspace: ${session?.workspacePath ?? 'none'}\nData folder: ${userData}\nElectron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'} · Node ${process.versions.node}`,
        buttons: ['OK'],
      });
      return;
  }
}

function applyTheme(theme: ThemeSource): void {
  settings.setTheme(theme);
  nativeTheme.themeSource = theme;
  win?.setBackgroundColor(nativeTheme.shouldUseDarkColors ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light);
  refreshChrome();
}

/** Asks before closing while an import or export is running; true when it may close. */
function mayClose(): boolean {
  if (quitConfirmed || !busy.isBusy()) return true;
  const response = dialog.showMessageBoxSync(win!, {
    type: 'warning',
    message: `${busy.describe()} is still running`,
    detail: 'Quitting now stops it. What is already imported or exported stays; nothing is left half-written.',
    buttons: ['Keep Working', 'Quit Anyway'],
    defaultId: 0,
    cancelId: 0,
  });
  quitConfirmed = response === 1;
  return quitConfirmed;
}

function createWindow(): BrowserWindow {
  const saved = settings.get().window;
  const place = placeOnScreen(saved?.bounds ?? null, screen.getAllDisplays().map((d) => d.workArea), screen.getPrimaryDisplay().workArea);
  const window = new BrowserWindow({
    ...(place ?? { width: 1440, height: 900 }),
    minWidth: 960,
    minHeight: 600,
    title: title(),
    icon: windowIcon,
    show: false,
    // The page's own background, so a dark theme opens without a white flash.
    backgroundColor: nativeTheme.shouldUseDarkColors ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  // The title names the workspace, not the page.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.on('close', (event) => {
    if (!mayClose()) {
      event.preventDefault();
      return;
    }
    settings.setWindow({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  });
  window.on('closed', () => {
    if (win === window) win = null;
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    // Never a blank window: say what happened; the workspace stays open in this process.
    const response = dialog.showMessageBoxSync(window, {
      type: 'error',
      message: 'The Sourcebook window stopped unexpectedly',
      detail: `Reason: ${details.reason} (exit code ${details.exitCode}).\nYour workspace is safe: everything saved is in ${session?.workspacePath ?? 'the workspace file'}. Reload the window to go on working.`,
      buttons: ['Reload', 'Quit'],
      defaultId: 0,
      cancelId: 0,
    });
    if (response === 0) window.webContents.reload();
    else app.quit();
  });
  // Exports arrive as downloads: a native Save dialog, in Documents, under the brief's title.
  window.webContents.session.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({ title: 'Export', defaultPath: join(app.getPath('documents'), item.getFilename()) });
  });
  void window.loadURL(rendererUrl);
  return window;
}

/** A workspace handed over by the OS (double-click, Open With, a second launch). */
function openHandedOver(path: string): void {
  if (!app.isReady()) {
    pendingOpen = path;
    return;
  }
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
  if (path !== session?.workspacePath) void switchWorkspace(path);
}

let pendingOpen: string | null = workspaceArgument(process.argv, process.cwd());

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const path = workspaceArgument(argv, workingDirectory);
    if (path) openHandedOver(path);
    else if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  // macOS hands files over by event, before or after ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openHandedOver(path);
  });
  app.whenReady().then(async () => {
    lockDownSession();
    lockDownContents(rendererUrl);
    serveRenderer(join(__dirname, '../renderer'));
    nativeTheme.themeSource = settings.get().theme;
    ipcMain.handle(IPC_INVOKE, (event, channel: unknown, payload: unknown) => {
      // Only the app's own page may call in; a frame from anywhere else is refused.
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(frameUrl, rendererUrl)) return { ok: false, error: 'Request refused: it did not come from the Sourcebook window.' };
      if (!route) return { ok: false, error: 'No workspace is open.' };
      return busy.around(channel, () => route!(channel, payload));
    });
    // The workspace named at launch, else the last one, else the default in the data folder.
    const last = settings.get().lastWorkspace;
    const candidates = [pendingOpen, last && !settings.recent().find((r) => r.path === last)?.missing ? last : null, defaultWorkspace].filter((p): p is string => !!p);
    pendingOpen = null;
    for (const path of [...new Set(candidates)]) if (await switchWorkspace(path)) break;
    if (!session) {
      dialog.showErrorBox('Sourcebook cannot open its workspace', `Neither the workspace asked for nor the default one (${defaultWorkspace}) could be opened.`);
      app.exit(1);
      return;
    }
    win = createWindow();
    refreshChrome();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) win = createWindow();
    });
  });
  app.on('before-quit', (event) => {
    if (win && !mayClose()) event.preventDefault();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void session?.close();
  });
}
