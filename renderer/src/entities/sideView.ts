// What the right-hand pane shows instead of the brief: the entities list, an entity's
// page, suggestions, one of the analysis views, the Trash or the backups. A store (state/store.ts, like panels.ts),
// so the reader's mention popover, the sidebar and the views themselves can all open one.
// The brief stays mounted underneath (hidden) and comes back on Close or on opening a brief.
import { createStore, useStore } from '../state/store';

export type SideView =
  | { kind: 'entities' }
  | { kind: 'suggestions' }
  | { kind: 'entity'; id: string }
  | { kind: 'matrix' }
  | { kind: 'graph' }
  | { kind: 'timeline' }
  | { kind: 'trash' }
  | { kind: 'backups' }
  | { kind: 'workspaces' }
  | { kind: 'library' };

const KEY = 'sourcebook.side';

function load(): SideView | null {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as SideView | null;
    return saved && typeof saved.kind === 'string' ? saved : null;
  } catch {
    return null;
  }
}

const store = createStore<SideView | null>(load());
let history: SideView[] = [];

function set(next: SideView | null) {
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage may be disabled; the view still opens.
  }
  store.set(next);
}

const same = (a: SideView, b: SideView) => a.kind === b.kind && (a.kind !== 'entity' || (b.kind === 'entity' && a.id === b.id));

/** Opens a view; the one it replaces is remembered for Back. */
export function openSideView(view: SideView): void {
  const current = store.get();
  if (current && same(current, view)) return;
  if (current) history = [...history.slice(-20), current];
  set(view);
}

export function closeSideView(): void {
  history = [];
  if (store.get()) set(null);
}

export function canGoBack(): boolean {
  return history.length > 0;
}

export function backSideView(): void {
  const previous = history[history.length - 1] ?? null;
  history = history.slice(0, -1);
  set(previous);
}

export function useSideView(): SideView | null {
  return useStore(store);
}
