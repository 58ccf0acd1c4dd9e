// The sources and briefs open as tabs (as Zotero 7 and Obsidian keep them): each source the
// reader shows and each brief the editor holds joins its pane's tabs, in the order opened;
// a tab brings it back, closing one opens its neighbour. Kept across restarts, per workspace
// (localStorage, under the workspace's path: another workspace has its own tabs), at most
// MAX_TABS per pane: the oldest tab not shown makes room.
import { createStore, useStore } from '../state/store';

export type TabKind = 'source' | 'brief';

export interface OpenTab {
  id: string;
  title: string;
}

export const MAX_TABS = 12;
const KEY = 'sourcebook.tabs';

type Tabs = Record<TabKind, OpenTab[]>;

const NO_TABS: Tabs = { source: [], brief: [] };

function saved(key: string): Tabs {
  try {
    const parsed = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<Tabs> | null;
    const valid = (list: unknown): OpenTab[] =>
      Array.isArray(list) ? list.filter((t): t is OpenTab => !!t && typeof t.id === 'string' && typeof t.title === 'string').slice(0, MAX_TABS) : [];
    return { source: valid(parsed?.source), brief: valid(parsed?.brief) };
  } catch {
    return NO_TABS;
  }
}

/** The storage key of the workspace shown, once known (restoreTabs). */
let scope: string | null = null;

const store = createStore<Tabs>(NO_TABS);
store.subscribe(() => {
  if (!scope) return;
  try {
    localStorage.setItem(scope, JSON.stringify(store.get()));
  } catch {
    // Storage may be full or disabled: the tabs last as long as the page.
  }
});

/**
 * The tabs the workspace at `workspacePath` had open when it was last shown. Called once
 * the window knows which workspace it shows; tabs opened before that (the first source
 * shown) are kept, after the restored ones.
 */
export function restoreTabs(workspacePath: string): void {
  const key = `${KEY}:${workspacePath}`;
  if (scope === key) return;
  scope = key;
  const restored = saved(key);
  const now = store.get();
  const merge = (kind: TabKind) => [...restored[kind], ...now[kind].filter((t) => !restored[kind].some((r) => r.id === t.id))].slice(-MAX_TABS);
  store.set({ source: merge('source'), brief: merge('brief') });
}

export const useOpenTabs = (kind: TabKind): OpenTab[] => useStore(store)[kind];

/** `id` is shown in its pane: a tab for it (its title kept up to date), the oldest other tab dropped past MAX_TABS. */
export function tabOpened(kind: TabKind, id: string, title: string): void {
  const tabs = store.get();
  const list = tabs[kind];
  const at = list.findIndex((t) => t.id === id);
  if (at >= 0) {
    if (list[at].title === title) return;
    store.set({ ...tabs, [kind]: list.map((t) => (t.id === id ? { id, title } : t)) });
    return;
  }
  let next = [...list, { id, title }];
  if (next.length > MAX_TABS) next = next.filter((t, i) => t.id === id || i >= next.length - MAX_TABS);
  store.set({ ...tabs, [kind]: next });
}

/** Closes a tab; returns the tab to show instead when it was the one shown (its right neighbour, else its left), or null. */
export function closeTab(kind: TabKind, id: string): OpenTab | null {
  const tabs = store.get();
  const list = tabs[kind];
  const at = list.findIndex((t) => t.id === id);
  if (at < 0) return null;
  const next = list.filter((t) => t.id !== id);
  store.set({ ...tabs, [kind]: next });
  return next[at] ?? next[at - 1] ?? null;
}

/** Drops the tab of something that is gone (deleted, or of another workspace): nothing to show instead. */
export function forgetTab(kind: TabKind, id: string): void {
  const tabs = store.get();
  if (tabs[kind].some((t) => t.id === id)) store.set({ ...tabs, [kind]: tabs[kind].filter((t) => t.id !== id) });
}

/** The tab `step` away from `id` (round at the ends), or null when there is no other. */
export function tabBeside(kind: TabKind, id: string | null, step: 1 | -1): OpenTab | null {
  const list = store.get()[kind];
  if (list.length < 2 && (list.length === 0 || list[0].id === id)) return null;
  const at = list.findIndex((t) => t.id === id);
  return list[(at + step + list.length) % list.length] ?? null;
}
