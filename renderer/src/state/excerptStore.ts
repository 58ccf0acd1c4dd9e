// The renderer's excerpt cache. Citations render live from it: each citation subscribes
// to its excerpt's id, lookups are batched into one `excerpts:get`, and every change to
// the workspace that touches shown excerpts (announced by the API client, see
// common/changes.ts) refreshes them, so every citation of that excerpt re-renders at
// once, in every open brief, without reopening anything.
import { useSyncExternalStore } from 'react';
import { api } from '../api';
import type { ExcerptView } from '../types';
import { createKeyedSignal } from './store';
import { onExcerptChange } from './topics';

export type ExcerptEntry =
  | { status: 'loading' }
  | { status: 'ok'; excerpt: ExcerptView }
  /** Not returned by `excerpts:get`: the excerpt was deleted. */
  | { status: 'deleted' }
  | { status: 'error'; message: string };

export interface ExcerptContext {
  before: string;
  quote: string;
  after: string;
}

const LOADING: ExcerptEntry = { status: 'loading' };
const DELETED: ExcerptEntry = { status: 'deleted' };

const entries = new Map<string, ExcerptEntry>();
const changed = createKeyedSignal<string>();
/** Bumped by every invalidation, so a reply that raced a newer change is dropped. */
const generations = new Map<string, number>();
const contexts = new Map<string, Promise<ExcerptContext>>();
const waiting = new Map<string, ((entry: ExcerptEntry) => void)[]>();

let queued = new Set<string>();
let scheduled = false;

function set(id: string, entry: ExcerptEntry): void {
  entries.set(id, entry);
  changed.emit(id);
  const resolvers = waiting.get(id);
  if (resolvers && entry.status !== 'loading') {
    waiting.delete(id);
    resolvers.forEach((r) => r(entry));
  }
}

async function flush(): Promise<void> {
  scheduled = false;
  const ids = [...queued];
  queued = new Set();
  if (ids.length === 0) return;
  const asked = new Map(ids.map((id) => [id, generations.get(id) ?? 0]));
  try {
    const views = await api['excerpts:get']({ ids });
    const byId = new Map(views.map((v) => [v.id, v]));
    for (const id of ids) {
      if ((generations.get(id) ?? 0) !== asked.get(id)) continue;
      const view = byId.get(id);
      set(id, view ? { status: 'ok', excerpt: view } : DELETED);
    }
  } catch (error) {
    for (const id of ids) {
      if ((generations.get(id) ?? 0) !== asked.get(id)) continue;
      // Keep showing what we had; only a first load turns into an error.
      const current = entries.get(id);
      if (!current || current.status === 'loading') set(id, { status: 'error', message: (error as Error).message });
    }
  }
}

function request(id: string): void {
  queued.add(id);
  if (!scheduled) {
    scheduled = true;
    // One macrotask: every citation mounted by the same render joins one request.
    window.setTimeout(() => void flush(), 0);
  }
}

export function getExcerptEntry(id: string): ExcerptEntry {
  return entries.get(id) ?? LOADING;
}

export function subscribeExcerpt(id: string, listener: () => void): () => void {
  const unsubscribe = changed.subscribe(id, listener);
  if (!entries.has(id)) {
    entries.set(id, LOADING);
    request(id);
  }
  return unsubscribe;
}

/** The excerpt's live state; re-renders whenever it is invalidated. */
export function useExcerpt(id: string): ExcerptEntry {
  return useSyncExternalStore(
    (listener) => subscribeExcerpt(id, listener),
    () => getExcerptEntry(id),
  );
}

/** Resolves once the excerpt is known (loaded or deleted). */
export function loadExcerpt(id: string): Promise<ExcerptEntry> {
  const current = entries.get(id);
  if (current && current.status !== 'loading') return Promise.resolve(current);
  return new Promise((resolve) => {
    const list = waiting.get(id) ?? [];
    list.push(resolve);
    waiting.set(id, list);
    if (!entries.has(id)) entries.set(id, LOADING);
    request(id);
  });
}

/**
 * The excerpt changed: drop what is cached and tell every subscriber. Pass the new state
 * when the mutation returned it (an ExcerptView), or null when it was deleted; otherwise
 * it is fetched again (subscribers keep the old state until the new one arrives).
 */
function invalidate(id: string, fresh?: ExcerptView | null): void {
  generations.set(id, (generations.get(id) ?? 0) + 1);
  contexts.delete(id);
  if (fresh === null) set(id, DELETED);
  else if (fresh) set(id, { status: 'ok', excerpt: fresh });
  else if (entries.has(id)) request(id);
}

/** Something every excerpt shows changed (a source's title or grade, a source deleted). */
function invalidateAll(): void {
  for (const id of entries.keys()) invalidate(id);
}

onExcerptChange((change) => {
  if (change.kind === 'every') invalidateAll();
  else if (change.kind === 'deleted') invalidate(change.id, null);
  else invalidate(change.view.id, change.view);
});

/** Seeds the cache with views that just came back from a list or search. */
export function prime(views: readonly ExcerptView[]): void {
  for (const view of views) {
    const current = entries.get(view.id);
    if (current?.status === 'ok' && current.excerpt.updatedAt === view.updatedAt && current.excerpt.sourceTitle === view.sourceTitle) continue;
    set(view.id, { status: 'ok', excerpt: view });
  }
}

/** How much text around a passage the citation popover asks for, each side. */
export const CONTEXT_CHARS = 280;

/** The passage with the text around it, as the citation popover shows it. */
export function excerptContext(id: string): Promise<ExcerptContext> {
  let pending = contexts.get(id);
  if (!pending) {
    pending = api['excerpts:context']({ id, chars: CONTEXT_CHARS });
    contexts.set(id, pending);
    pending.catch(() => contexts.delete(id));
  }
  return pending;
}
