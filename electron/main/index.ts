// The Electron main process: app lifecycle, the workspace the window shows, the menu, IPC
// registration. Everything the window asks for is served by the router shared with the
// HTTP transport; what is here is what only a desktop app has (files handed over by the
// OS, a workspace switched in place, quitting that asks while work runs). The window is
// window.ts; the menu's commands are commands.ts.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme } from 'electron';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openSession, type Session } from '../services/session';
import { newestVerifiedBackup, restoreBackup } from '../services/backup';
import { UserError, WorkspaceError } from '../services/errors';
import { syncFolderOf, syncWarning } from '../services/syncFolder';
import { SettingsStore } from '../services/appSettings';
import { preferencesHost } from '../services/preferences';
import { workspaceArgument, workspaceName } from '../services/workspaceFile';
import { chosenWorkspace, offeredWorkspaces, type WorkspaceSwitcher } from '../services/workspaceSwitcher';
import { createRouter, type Router } from '../ipc/router';
import { IPC_INVOKE } from '../ipc/constants';
import { APP_URL, registerAppScheme, serveRenderer } from './appProtocol';
import { isAppUrl, lockDownContents, lockDownSession } from './security';
import { electronPrinter } from './pdfPrinter';
import { menuTemplate } from './menu';
import { trackBusy } from './busy';
import { createMainWindow, themeBackground } from './window';
import { openRecent, runCommand, type Desktop } from './commands';

app.setName('Sourcebook');
registerAppScheme();

// A developer's renderer server (electron-vite dev) only in an unpackaged app: in the
// packaged app no environment variable can point the trusted window at another origin.
const devRendererUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererUrl = devRendererUrl ?? APP_URL;
const userData = app.getPath('userData');
const settings = new SettingsStore(join(userData, 'settings.json'));
// The preferences the page changes in Settings (settings:set): the window's theme and the
// menu's accelerators follow at once; where backups go and how often, the services follow.
const preferences = preferencesHost(settings, (changed) => {
  nativeTheme.themeSource = changed.theme;
  win?.setBackgroundColor(themeBackground());
  refreshChrome();
});
const defaultWorkspace = join(userData, 'workspace.sqlite');

let session: Session | null = null;
let route: Router | null = null;
let win: BrowserWindow | null = null;
let quitConfirmed = false;
const busy = trackBusy();

const title = () => (session ? `${workspaceName(session.workspacePath)} — Sourcebook` : 'Sourcebook');

const desktop: Desktop = {
  window: () => win,
  session: () => session,
  settings,
  userData,
  switchWorkspace,
  refreshChrome,
  showError(message, detail) {
    if (win) void dialog.showMessageBox(win, { type: 'error', message, detail, buttons: ['OK'] });
    else dialog.showErrorBox(message, detail);
  },
};

/**
 * The page's workspace switcher on the desktop: the open workspace and the recent list, as
 * in File ▸ Open Recent. A file that cannot be opened is said in the page (the reply), not
 * in a dialog as well; a damaged one is still offered its backup first.
 */
const desktopSwitcher: WorkspaceSwitcher = {
  list: () => offeredWorkspaces(session?.workspacePath ?? defaultWorkspace, settings.recent().map((r) => r.path)),
  async open(id) {
    const path = chosenWorkspace(desktopSwitcher.list(), id);
    if (path !== resolve(session?.workspacePath ?? '') && !(await switchWorkspace(path, { fromPage: true }))) throw new UserError(`“${workspaceName(path)}” was not opened; the workspace open stays open.`);
    return { path };
  },
};

function refreshChrome(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        { isMac: process.platform === 'darwin', dev: !app.isPackaged, recent: settings.recent(), theme: settings.get().theme, shortcuts: settings.get().shortcuts, hasWorkspace: session !== null },
        { run: (id) => void runCommand(desktop, id), openRecent: (path) => void openRecent(desktop, path), clearRecent: () => (settings.clearRecent(), refreshChrome()) },
        app.getPath('home'),
      ),
    ),
  );
  win?.setTitle(title());
}

/**
 * Opens a workspace in place of the current one. The new file is opened (and checked)
 * first: if it cannot be, the open workspace stays as it was. Only the default workspace
 * gets the sample on its first run; a new one starts empty. `fromPage`: the page's
 * switcher asked (by an id from its list), so a missing file is never created and why
 * one cannot be opened is thrown to the page rather than shown in a dialog.
 */
async function switchWorkspace(path: string, options: { newWorkspace?: boolean; fromPage?: boolean } = {}): Promise<boolean> {
  if (!options.fromPage) mkdirSync(dirname(path), { recursive: true });
  let next: Session;
  try {
    next = await openSession(path, { printer: electronPrinter(), sample: path === defaultWorkspace, newWorkspace: options.newWorkspace, create: !options.fromPage });
  } catch (err) {
    if (err instanceof WorkspaceError && err.code === 'damaged' && (await offerRestore(path, err.message))) return switchWorkspace(path, options);
    if (options.fromPage) throw err;
    desktop.showError('Sourcebook cannot open this workspace', (err as Error).message);
    return false;
  }
  next.workspaces = desktopSwitcher;
  next.preferences = preferences;
  const previous = session;
  session = next;
  route = createRouter(next);
  await previous?.close();
  settings.opened(path);
  app.addRecentDocument(path);
  refreshChrome();
  void warnIfSynced(path);
  if (win && previous) {
    // The window's remembered views (open source and brief, the right-hand pane) belong to the old workspace.
    await win.webContents.executeJavaScript("localStorage.removeItem('sourcebook.view'); localStorage.removeItem('sourcebook.side')").catch(() => undefined);
    win.webContents.reload();
  }
  return true;
}

/**
 * A workspace in a folder that a sync client manages (services/syncFolder.ts): said as it
 * opens, with a one-click way out (Move It Out… saves a checked copy elsewhere and opens it).
 */
async function warnIfSynced(path: string): Promise<void> {
  const sync = syncFolderOf(path);
  if (!sync) return;
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    message: `“${workspaceName(path)}” is in a folder that ${sync.client} keeps in sync`,
    detail: `${syncWarning(path, sync)}\n\nMove It Out saves a checked copy where you choose (Documents by default) and opens it; the synced file is left as it is.`,
    buttons: ['Move It Out…', 'Keep It Here'],
    defaultId: 0,
    cancelId: 1,
  });
  if (response === 0 && session?.workspacePath === path) await runCommand(desktop, 'workspace.moveOut');
}

/**
 * A damaged workspace: says what is wrong and offers the newest verified backup. The
 * damaged file is never written to: restoring moves it aside whole as
 * "<name>.damaged-<UTC time>.sourcebook". True when the backup was restored.
 */
async function offerRestore(path: string, problem: string): Promise<boolean> {
  const backup = newestVerifiedBackup(path);
  if (!backup) return false;
  const { response } = await dialog.showMessageBox({
    type: 'error',
    message: `“${workspaceName(path)}” is damaged`,
    detail: `${problem}\n\nThe newest verified backup was made ${new Date(backup.createdAt).toLocaleString()} (${backup.counts.sources} sources, ${backup.counts.excerpts} excerpts, ${backup.counts.briefs} briefs). Restore it? The damaged file is kept beside it, untouched.`,
    buttons: ['Restore Backup', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
  });
  if (response !== 0) return false;
  try {
    await restoreBackup(path, backup.path);
    return true;
  } catch (err) {
    desktop.showError('The backup could not be restored', (err as Error).message);
    return false;
  }
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

function openWindow(): BrowserWindow {
  const window = createMainWindow({ url: rendererUrl, title: title(), settings, mayClose, workspacePath: () => session?.workspacePath ?? null });
  window.on('closed', () => {
    if (win === window) win = null;
  });
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
    win = openWindow();
    refreshChrome();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) win = openWindow();
    });
  });
  app.on('before-quit', (event) => {
    if (win && !mayClose()) event.preventDefault();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // The session's close makes the last automatic backup: quitting waits for it.
  let closing = false;
  app.on('will-quit', (event) => {
    if (!session || closing) return;
    closing = true;
    event?.preventDefault();
    const done = session.close();
    session = null;
    void done.finally(() => app.quit());
  });
}
