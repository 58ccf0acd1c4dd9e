// What the right-hand pane shows instead of the brief: the entities list, an entity's
// page, suggestions, or one of the analysis views. A tiny external store (like panels.ts),
// so the reader's mention popover, the sidebar and the views themselves can all open one.
// The brief stays mounted underneath (hidden) and comes back on Close or on opening a brief.
import { useSyncExternalStore } from 'react';

export type SideView =
  | { kind: 'entities' }
  | { kind: 'suggestions' }
  | { kind: 'entity'; id: string }
  | { kind: 'matrix' }
  | { kind: 'graph' }
  | { kind: 'timeline' };

const KEY = 'sourcebook.side';

function load(): SideView | null {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as SideView | null;
    return saved && typeof saved.kind === 'string' ? saved : null;
  } catch {
    return null;
  }
}

let current: SideView | null = load();
let history: SideView[] = [];
const listeners = new Set<() => void>();

function set(next: SideView | null) {
  current = next;
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage may be disabled; the view still opens.
  }
  listeners.forEach((l) => l());
}

const same = (a: SideView, b: SideView) => a.kind === b.kind && (a.kind !== 'entity' || (b.kind === 'entity' && a.id === b.id));

/** Opens a view; the one it replaces is remembered for Back. */
export function openSideView(view: SideView): void {
  if (current && same(current, view)) return;
  if (current) history = [...history.slice(-20), current];
  set(view);
}

export function closeSideView(): void {
  history = [];
  if (current) set(null);
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
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
