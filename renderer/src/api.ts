// The renderer's only door to the workspace: the API contract, over one of two
// transports. In Electron the preload exposes `window.sourcebook` (IPC); in a browser
// (`npm run serve`, the end-to-end tests) requests go to the loopback HTTP server.
// Every signature comes from the contract's types; nothing here restates one. Every write
// that succeeds is announced here, as common/changes.ts declares it, so the views and
// caches showing the data it changed refresh themselves; no caller announces a write.
import { CHANGES, type Change } from '../../common/changes';
import type { Api, Bridge, Channel, Input, Output, Reply } from '../../electron/ipc/contract';
import { announceChange, type ExcerptChange } from './state/topics';
import type { ExcerptView } from './types';

declare global {
  interface Window {
    sourcebook?: Bridge;
  }
}

type Transport = (channel: Channel, payload: unknown) => Promise<Reply<unknown>>;

const TOKEN_KEY = 'sourcebook.token';
/** Browsers cap the bodies of all in-flight keepalive requests at 64 KiB together. */
const KEEPALIVE_LIMIT = 48 * 1024;

// Registered before any component's listener, so requests sent while unloading know it.
let unloading = false;
window.addEventListener('beforeunload', () => {
  unloading = true;
});
window.addEventListener('pageshow', () => {
  unloading = false;
});

/**
 * The access token arrives once in the page URL (`?token=…`). It is kept in memory and
 * in sessionStorage (so a reload works) and removed from the visible address.
 */
function takeToken(): string | null {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    try {
      sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // Storage may be disabled; the in-memory token still serves this page.
    }
    params.delete('token');
    const query = params.toString();
    history.replaceState(history.state, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

const WORKSPACE_HEADER = 'X-Sourcebook-Workspace';

const switchedElsewhere = new Set<(message: string) => void>();

/**
 * Told (with the server's sentence) when the server has switched to another workspace since
 * this page was loaded, from another tab: nothing the page asks is done until it reloads.
 */
export function onWorkspaceSwitchedElsewhere(listener: (message: string) => void): () => void {
  switchedElsewhere.add(listener);
  return () => switchedElsewhere.delete(listener);
}

function httpTransport(): Transport {
  const token = takeToken();
  /**
   * The workspace this page is showing, as the first reply named it: sent back with every
   * request, so that once the server has switched to another workspace (from another tab)
   * this page is told to reload instead of reading or writing there (electron/ipc/http.ts).
   */
  let workspace: string | null = null;
  return async (channel, payload) => {
    let response: Response;
    const body = JSON.stringify(payload ?? {});
    try {
      response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Sourcebook-Token': token ?? '', ...(workspace ? { [WORKSPACE_HEADER]: workspace } : {}) },
        body,
        // A save sent while the window closes must outlive the page.
        keepalive: unloading && body.length < KEEPALIVE_LIMIT,
      });
    } catch {
      return { ok: false, error: 'Sourcebook’s local server is not responding. Is `npm run serve` still running?' };
    }
    if (response.status === 401) {
      return { ok: false, error: 'This page has no valid access token. Open Sourcebook with the address printed by `npm run serve`.' };
    }
    if (response.status === 403) return { ok: false, error: 'The local server refused this page (wrong host or origin).' };
    workspace ??= response.headers.get(WORKSPACE_HEADER);
    try {
      const reply = (await response.json()) as Reply<unknown>;
      if (response.status === 409 && !reply.ok) {
        for (const listener of switchedElsewhere) listener(reply.error);
        return { ...reply, switchedElsewhere: true };
      }
      return reply;
    } catch {
      return { ok: false, error: `Unexpected reply from the local server (HTTP ${response.status}).` };
    }
  };
}

function bridgeTransport(bridge: Bridge): Transport {
  return (channel, payload) => bridge.invoke(channel, payload);
}

const transport: Transport = window.sourcebook ? bridgeTransport(window.sourcebook) : httpTransport();

/** In the desktop app (IPC through the preload), not a browser on `sourcebook serve`. */
export const inDesktopApp = window.sourcebook !== undefined;

/**
 * What a page loaded before the server switched workspaces is refused with: the page's
 * strip says it once (workspace/StaleWorkspace.tsx), so it is not a toast as well.
 */
export class SwitchedElsewhereError extends Error {
  override name = 'SwitchedElsewhereError';
}

/** Sends one request; an `ok: false` reply becomes an Error carrying the reply's message. */
async function send<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const reply = await transport(channel, input);
  if (!reply.ok) throw 'switchedElsewhere' in reply ? new SwitchedElsewhereError(reply.error) : new Error(reply.error);
  return reply.value as Output<C>;
}

const changes: Partial<Record<Channel, Change>> = CHANGES;

/** Announces what a write changed (nothing, for a read). */
function announcer(channel: Channel, input: unknown, output: unknown): () => void {
  const change = changes[channel];
  if (!change) return () => undefined;
  const excerpts: ExcerptChange | undefined =
    change.excerpts === 'reply'
      ? { kind: 'changed', view: output as ExcerptView }
      : change.excerpts === 'deleted'
        ? { kind: 'deleted', id: (input as { id: string }).id }
        : change.excerpts === 'every'
          ? { kind: 'every' }
          : undefined;
  return () => announceChange(change.topics, excerpts);
}

/** Sends one request and, once it succeeded, announces what it changed. */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const value = await send(channel, input);
  announcer(channel, input, value)();
  return value;
}

/**
 * Sends one request and leaves announcing what it changed to the caller, for a caller that
 * groups announcements: autosave (once typing pauses), a batch of imports (now and then).
 */
export async function callDeferred<C extends Channel>(channel: C, input: Input<C>): Promise<{ value: Output<C>; announce(): void }> {
  const value = await send(channel, input);
  return { value, announce: announcer(channel, input, value) };
}

/** `api['sources:list']({})` — one function per channel, derived from the contract. */
export const api: Api = new Proxy({} as Api, {
  get: (_target, channel) => (input: unknown) => call(channel as Channel, input as never),
});
