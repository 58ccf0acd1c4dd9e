// The app's window: its remembered place, the theme's background before the page paints,
// the lock-down of its page, a crash that ends in a dialog (never a blank window), and
// exports saved through a native Save dialog.
import { app, BrowserWindow, dialog, nativeTheme, screen } from 'electron';
import { join } from 'node:path';
import { WINDOW_BACKGROUND } from '../../common/theme';
import { placeOnScreen, type SettingsStore } from '../services/appSettings';

export interface WindowOptions {
  url: string;
  title: string;
  settings: SettingsStore;
  /** Asked when the person closes the window; false keeps it open. */
  mayClose(): boolean;
  /** The open workspace's file, for the crash dialog. */
  workspacePath(): string | null;
}

const preload = join(__dirname, '../preload/index.cjs');
const icon = join(__dirname, '../../resources/icon.png');

export const themeBackground = () => (nativeTheme.shouldUseDarkColors ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light);

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const saved = options.settings.get().window;
  const place = placeOnScreen(saved?.bounds ?? null, screen.getAllDisplays().map((d) => d.workArea), screen.getPrimaryDisplay().workArea);
  const window = new BrowserWindow({
    ...(place ?? { width: 1440, height: 900 }),
    minWidth: 960,
    minHeight: 600,
    title: options.title,
    icon,
    show: false,
    // The page's own background, so a dark theme opens without a white flash.
    backgroundColor: themeBackground(),
    webPreferences: {
      preload,
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
    if (!options.mayClose()) {
      event.preventDefault();
      return;
    }
    options.settings.setWindow({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    // Say what happened; the workspace stays open in this process, so a reload goes on.
    const response = dialog.showMessageBoxSync(window, {
      type: 'error',
      message: 'The Sourcebook window stopped unexpectedly',
      detail: `Reason: ${details.reason} (exit code ${details.exitCode}).\nYour workspace is safe: everything saved is in ${options.workspacePath() ?? 'the workspace file'}. Reload the window to go on working.`,
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
  void window.loadURL(options.url);
  return window;
}
