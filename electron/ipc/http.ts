// The loopback HTTP transport of the router: the same app in a browser where Electron
// cannot run, and what the end-to-end tests drive. Bound to 127.0.0.1 only; every
// request carries the per-run token; Host and Origin are checked so another web page
// (DNS rebinding, cross-site requests) cannot reach the workspace.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createRouter, replyStatus, type Router } from './router';
import { APP_RESPONSE_HEADERS, readRendererFile } from './rendererFiles';
import { openSession, type Session } from '../services/session';
import { chosenWorkspace, offeredWorkspaces, workspaceChoiceId, type WorkspaceSwitcher } from '../services/workspaceSwitcher';
import { workspaceName } from '../services/workspaceFile';
import { jobStatuses } from '../services/jobs';
import { UserError } from '../services/errors';
import type { PdfPrinter } from '../services/export/pdf';
import { chromiumPrinter } from '../services/export/chromiumPrinter';
import type { SettingsStore } from '../services/appSettings';
import { preferencesHost } from '../services/preferences';

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface HttpServerOptions {
  workspacePath: string;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  printer?: PdfPrinter;
  /** Seed a brand-new workspace with the sample content (default true). */
  sample?: boolean;
  /**
   * The other workspaces the page may switch to (named on the command line, the app's
   * recent list), asked each time the page lists them. None: the open one alone.
   */
  otherWorkspaces?: () => readonly string[];
  /** Told after the page switched to another workspace (the recent list keeps it). */
  onSwitched?: (path: string) => void;
  /** Where the person's preferences are kept (the app's settings.json); none: in memory while the server runs. */
  settings?: SettingsStore;
}

export interface RunningServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, ...APP_RESPONSE_HEADERS, ...extra });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A session with its router and what runs on it (so a switch closes it only once that is done). */
interface Open {
  session: Session;
  route: Router;
  /** Its id in the page's list: a page answered by this workspace sends it back, pinned to it. */
  id: string;
  inflight: number;
}

/**
 * The workspace a request is for. Every reply names the workspace that answered; the page
 * sends that back (renderer/src/api.ts), so a page loaded before a switch (another tab) is
 * told to reload instead of reading or writing in the other workspace.
 */
const WORKSPACE_HEADER = 'x-sourcebook-workspace';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Once nothing runs on `open`: no request, and no background job (a rescan) unless the server is stopping. */
async function drained(open: Open, stopping: () => boolean): Promise<void> {
  while (open.inflight > 0 || (!stopping() && jobStatuses(open.session.db).some((j) => !j.finished))) await pause(25);
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const printer = () => options.printer ?? chromiumPrinter();
  // One for the server: the preferences outlive a switch of workspace.
  const preferences = preferencesHost(options.settings ?? null);
  const opened = (session: Session): Open => {
    session.workspaces = switcher;
    session.preferences = preferences;
    return { session, route: createRouter(session), id: workspaceChoiceId(session.workspacePath), inflight: 0 };
  };
  let stopping = false;
  /** Previous workspaces closing once what ran on them is done. */
  const closing = new Set<Promise<void>>();
  /** One switch at a time: a second waits for the first and finds the list as it left it. */
  let switching: Promise<unknown> = Promise.resolve();

  async function switchTo(id: string): Promise<{ path: string }> {
    const path = chosenWorkspace(switcher.list(), id);
    if (path === resolve(current.session.workspacePath)) return { path };
    if (stopping) throw new UserError('Sourcebook is stopping; no workspace is opened now.');
    // Opened (and checked) first: if it cannot be, the open workspace stays as it was. Never
    // created: a file gone since it was listed is refused, not made anew.
    const next = opened(await openSession(path, { printer: printer(), sample: false, create: false }));
    const previous = current;
    current = next;
    options.onSwitched?.(path);
    // Closed once what runs on it (this request included, and a rescan still going) is done.
    const done = drained(previous, () => stopping)
      .then(() => previous.session.close())
      .catch((err: unknown) => console.error(`[sourcebook] closing ${previous.session.workspacePath} failed: ${(err as Error).message}`))
      .finally(() => closing.delete(done));
    closing.add(done);
    return { path };
  }

  const switcher: WorkspaceSwitcher = {
    list: () => offeredWorkspaces(current.session.workspacePath, options.otherWorkspaces?.() ?? []),
    open(id) {
      const run = switching.then(() => switchTo(id));
      switching = run.catch(() => undefined);
      return run;
    },
  };
  let current: Open = opened(await openSession(options.workspacePath, { printer: printer(), sample: options.sample }));
  const token = randomBytes(24).toString('base64url');
  const root = resolve(options.rendererDir);
  let port = 0;
  const cookieName = () => `sourcebook_token_${port}`;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];

  const server = createServer((req, res) => {
    void (async () => {
      const host = req.headers.host ?? '';
      if (!allowedHosts().includes(host)) return send(res, 403, 'Forbidden host.');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts().some((h) => origin === `http://${h}`)) return send(res, 403, 'Forbidden origin.');
      const url = new URL(req.url ?? '/', `http://${host}`);

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, 'Use POST.', 'text/plain; charset=utf-8', { Allow: 'POST' });
        const given = req.headers['x-sourcebook-token'];
        if (typeof given !== 'string' || !sameSecret(given, token)) return send(res, 401, 'Missing or wrong access token.');
        let payload: unknown;
        try {
          const body = await readBody(req);
          payload = body ? JSON.parse(body) : {};
        } catch (err) {
          return send(res, 400, JSON.stringify({ ok: false, error: `Unreadable request: ${(err as Error).message}` }), 'application/json');
        }
        let channel: string;
        try {
          channel = decodeURIComponent(url.pathname.slice('/api/'.length));
        } catch {
          return send(res, 400, JSON.stringify({ ok: false, error: 'Unreadable request: the address has a malformed %-escape.' }), 'application/json');
        }
        const open = current;
        const answeredBy = { 'X-Sourcebook-Workspace': open.id };
        const pinned = req.headers[WORKSPACE_HEADER];
        if (typeof pinned === 'string' && pinned !== open.id) {
          const name = workspaceName(open.session.workspacePath);
          const error = `Sourcebook has switched to “${name}” since this page was loaded (in another tab or window), so nothing was done here. Reload the page to work in “${name}”.`;
          return send(res, 409, JSON.stringify({ ok: false, error }), 'application/json; charset=utf-8', answeredBy);
        }
        open.inflight++;
        let reply;
        try {
          reply = await open.route(channel, payload);
        } finally {
          open.inflight--;
        }
        return send(res, replyStatus(reply), JSON.stringify(reply), 'application/json; charset=utf-8', answeredBy);
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
      const queryToken = url.searchParams.get('token');
      const cookieToken = cookie(req, cookieName());
      if (queryToken !== null && sameSecret(queryToken, token)) {
        // The first page load carries the token in the URL; later asset loads use the cookie.
        res.setHeader('Set-Cookie', `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      } else if (cookieToken === null || !sameSecret(cookieToken, token)) {
        return send(res, 401, 'Open Sourcebook with the address printed by `npm run serve` (it carries the access token).');
      }
      try {
        decodeURIComponent(url.pathname);
      } catch {
        return send(res, 400, 'Bad request: the address has a malformed %-escape.');
      }
      const file = await readRendererFile(root, url.pathname);
      return file ? send(res, 200, file.body, file.type) : send(res, 404, 'Not found');
    })().catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, `Internal error: ${(err as Error).message}`);
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    async close() {
      stopping = true;
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await switching;
      await Promise.all(closing);
      await drained(current, () => true);
      await current.session.close();
    },
  };
}
