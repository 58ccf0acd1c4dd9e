// The window loads the app from app://sourcebook/, a privileged custom scheme served from
// the built renderer folder, instead of file:// (Electron security checklist item 18): the
// origin is exact, so the CSP's 'self', the IPC sender check and navigation checks mean
// this app's files and nothing else on disk.
import { protocol } from 'electron';
import { APP_RESPONSE_HEADERS, readRendererFile } from '../ipc/rendererFiles';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://sourcebook`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    // (A non-special scheme's URL has no origin in the URL standard: compare its parts.)
    if (`${url.protocol}//${url.host}` !== APP_ORIGIN || (request.method !== 'GET' && request.method !== 'HEAD')) return new Response('Not found', { status: 404 });
    const file = await readRendererFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404, headers: APP_RESPONSE_HEADERS });
    return new Response(new Uint8Array(file.body), { status: 200, headers: { 'Content-Type': file.type, ...APP_RESPONSE_HEADERS } });
  });
}
