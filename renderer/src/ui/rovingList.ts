// A list that is one Tab stop: the current row (and its buttons) is in the Tab order, the
// others are not; ↑ ↓ Home End move between rows. For lists whose rows hold buttons (the
// Trash, the backups), where a listbox cannot be used. Given the rows' keys and names, it
// also jumps by typed letters, opens a row with Enter, and keeps a selection (Shift with
// the arrows, Space, Ctrl/Cmd+A, Escape; see listSelection.ts), which each row shows with a
// checkbox of its own.
import { useEffect, useRef, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useListSelection } from './listSelection';

export interface RovingOptions {
  keys: readonly string[];
  labels: readonly string[];
  onOpen?(index: number): void;
}

const NONE: readonly string[] = [];

export function useRovingList(count: number, options?: RovingOptions) {
  const keys = options?.keys ?? NONE;
  const indexes = useRef<string[]>([]);
  if (!options && indexes.current.length !== count) indexes.current = Array.from({ length: count }, (_, i) => String(i));
  const selection = useListSelection({ keys: options ? keys : indexes.current, labels: options?.labels ?? NONE, onOpen: options?.onOpen });
  const current = selection.active ?? 0;
  const listRef = useRef<HTMLUListElement>(null);

  // The row that becomes current takes the focus, when the focus is in the list.
  useEffect(() => {
    const list = listRef.current;
    if (!list || !list.contains(document.activeElement)) return;
    const row = list.querySelectorAll<HTMLElement>(':scope > li')[current];
    if (row && !row.contains(document.activeElement)) row.focus();
  }, [current]);

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys typed in a row's own control (a confirm button's, a field) are its own.
    if (event.target instanceof HTMLInputElement && event.target.type !== 'checkbox') return;
    if (!options) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || count === 0) return;
      const next = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: count - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      selection.setActive(Math.min(count - 1, Math.max(0, next)));
      return;
    }
    // Enter and Space on a row's button are the button's.
    if ((event.key === 'Enter' || event.key === ' ') && event.target instanceof HTMLButtonElement) return;
    selection.onKeyDown(event);
  };

  return {
    listRef,
    onKeyDown,
    /** The selection's keys (with `options`). */
    selection: selection.selection,
    isSelected: selection.isSelected,
    clear: selection.clear,
    toggle: selection.toggle,
    /** Props of row `index`'s <li>; its buttons take `tabIndex(index)`. */
    row: (index: number) => ({
      tabIndex: index === current ? 0 : -1,
      onFocus: (event: FocusEvent) => event.currentTarget.contains(event.target) && selection.setActive(index),
      onClick: (event: MouseEvent) => {
        // A click on the row itself (not one of its buttons) selects, as in the other lists.
        if (options && !(event.target as HTMLElement).closest('button, input, a')) selection.onRowClick(event, index);
      },
    }),
    tabIndex: (index: number) => (index === current ? 0 : -1),
  };
}
