// The Electron main process: app lifecycle, the window, IPC registration. Everything
// it serves comes from the router shared with the HTTP transport.
import { app, BrowserWindow, ipcMain, Menu, dialog } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openSession, type Session } from '../services/session';
import { createRouter, type Router } from '../ipc/router';
import { IPC_INVOKE } from '../ipc/constants';
import { isAppUrl, lockDownContents, lockDownSession } from './security';
import { electronPrinter } from './pdfPrinter';
import { buildMenu } from './menu';

app.setName('Sourcebook');
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href;

let session: Session | null = null;
let route: Router | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Sourcebook',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererUrl);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.whenReady().then(async () => {
    lockDownSession();
    lockDownContents(rendererUrl);
    try {
      session = await openSession(join(app.getPath('userData'), 'workspace.sqlite'), { printer: electronPrinter() });
    } catch (err) {
      dialog.showErrorBox('Sourcebook cannot open its workspace', (err as Error).message);
      app.exit(1);
      return;
    }
    route = createRouter(session);
    ipcMain.handle(IPC_INVOKE, (event, channel: unknown, payload: unknown) => {
      // Only the app's own page may call in; a frame from anywhere else is refused.
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(frameUrl, rendererUrl)) return { ok: false, error: 'Request refused: it did not come from the Sourcebook window.' };
      return route!(channel, payload);
    });
    Menu.setApplicationMenu(buildMenu());
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void session?.close();
  });
}
