// The built renderer's files, as both transports serve them: the loopback HTTP server
// (browser mode) and the app:// protocol of the Electron window. One path check, one
// MIME table, one set of response headers.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './constants';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Headers on every response that carries the app: its CSP, no sniffing, no framing, no caching. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/**
 * The file a URL path names inside the renderer folder (a folder's index.html), or null
 * when the path leaves the folder (`..`, encoded or not), is unreadable, or is missing.
 */
export async function readRendererFile(rendererDir: string, pathname: string): Promise<{ body: Buffer; type: string } | null> {
  const root = resolve(rendererDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const file = resolve(root, relative || 'index.html');
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    const target = (await stat(file)).isDirectory() ? join(file, 'index.html') : file;
    return { body: await readFile(target), type: MIME[extname(target)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
