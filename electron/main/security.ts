// The window's lock-down, applied once per app: a strict CSP on every response, no
// permissions, no navigation away from the app, no new windows, no <webview>. A link to
// the web opens in the system browser after the person confirms it, never inside the app;
// anything but http(s) is never handed to the system.
import { app, BrowserWindow, dialog, session, shell, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../ipc/constants';

/** Same origin as the app's page: scheme, host and port (the app is served from app://, never file://). */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const u = new URL(url);
    const base = new URL(appUrl);
    return u.protocol === base.protocol && u.host === base.host && u.protocol !== 'file:';
  } catch {
    return false;
  }
}

/** Only web addresses leave the app, and only after the person says so. */
export async function openExternally(url: string, owner: WebContents | null): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  const shown = parsed.href.length > 300 ? `${parsed.href.slice(0, 300)}…` : parsed.href;
  const options = {
    type: 'question' as const,
    buttons: ['Open in Browser', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    title: 'Open link',
    message: `Open this address in your web browser?`,
    detail: `${shown}\n\nThe page leaves Sourcebook and may reach the network.`,
  };
  const window = owner ? BrowserWindow.fromWebContents(owner) : null;
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  if (response !== 0) return false;
  await shell.openExternal(parsed.href);
  return true;
}

export function lockDownSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function lockDownContents(appUrl: string): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, appUrl)) {
        event.preventDefault();
        void openExternally(url, contents);
      }
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, appUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void openExternally(url, contents);
      return { action: 'deny' };
    });
  });
}
