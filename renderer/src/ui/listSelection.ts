// What the keyboard and the mouse do to a list's current row and its selection, shared by
// the lists that are one Tab stop (useListKeys for a listbox, useRovingList for rows that
// hold buttons), as the library table does it: arrows, Page Up/Down, Home and End move (the
// selection follows; with Shift it stretches from where it started), Space adds or removes
// the current row, Ctrl/Cmd+A takes every row, Escape drops the selection, letters jump to
// the next row whose name starts with them, Enter opens. A click opens; Ctrl/Cmd+click
// adds or removes a row, Shift+click takes the rows between.
import { useCallback, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';

/** Letters typed within this long make one word to look for. */
const TYPE_AHEAD_MS = 700;

/** The next row (after `from`, round the end) whose label starts with `text`, or -1. */
export function typeAheadIndex(labels: readonly string[], from: number, text: string): number {
  const t = text.toLocaleLowerCase();
  for (let k = 0; k < labels.length; k++) {
    const i = (from + k) % labels.length;
    if (labels[i].toLocaleLowerCase().startsWith(t)) return i;
  }
  return -1;
}

/** The keys of rows a to b, whichever comes first. */
export function keysBetween(keys: readonly string[], a: number, b: number): string[] {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return keys.slice(Math.max(0, lo), hi + 1);
}

export interface ListSelectionOptions {
  /** Each row's key (an id), in the order shown. */
  keys: readonly string[];
  /** Each row's name, for type-ahead. */
  labels: readonly string[];
  /** Enter, or a plain click: opens row `index`. */
  onOpen?(index: number): void;
  /** Rows in view at once, for Page Up/Down. */
  page?: number;
}

export function useListSelection({ keys, labels, onOpen, page = 10 }: ListSelectionOptions) {
  const count = keys.length;
  const [activeState, setActive] = useState(0);
  const active = count === 0 ? null : Math.min(activeState, count - 1);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const anchor = useRef(0);
  const typed = useRef({ text: '', at: 0 });

  /** Only the rows still shown stay selected. */
  const shown = new Set(keys);
  const selection = [...selected].filter((k) => shown.has(k));

  const moveTo = useCallback(
    (index: number, how: 'only' | 'extend' | 'keep') => {
      if (count === 0) return;
      const target = Math.max(0, Math.min(count - 1, index));
      setActive(target);
      if (how === 'extend') setSelected(new Set(keysBetween(keys, anchor.current, target)));
      else if (how === 'only') {
        anchor.current = target;
        setSelected(new Set([keys[target]]));
      }
    },
    [count, keys],
  );

  const toggle = useCallback(
    (index: number) => {
      const key = keys[index];
      if (key === undefined) return;
      anchor.current = index;
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      });
    },
    [keys],
  );

  /** Handles a key on the list; true when it was one of the list's keys. */
  const onKeyDown = (event: KeyboardEvent): boolean => {
    if (count === 0 || event.altKey || event.nativeEvent.isComposing) return false;
    const at = active ?? -1;
    const steps: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + page, PageUp: at - page, Home: 0, End: count - 1 };
    const mod = event.ctrlKey || event.metaKey;
    if (event.key in steps && !mod) {
      event.preventDefault();
      moveTo(steps[event.key], event.shiftKey ? 'extend' : 'only');
      return true;
    }
    if (event.key === 'Enter' && !mod && !event.shiftKey && active !== null && onOpen) {
      event.preventDefault();
      onOpen(active);
      return true;
    }
    if (event.key === ' ' && !mod && active !== null) {
      event.preventDefault();
      toggle(active);
      return true;
    }
    if (mod && !event.shiftKey && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      setSelected(new Set(keys));
      return true;
    }
    if (event.key === 'Escape' && selection.length > 0) {
      event.preventDefault();
      setSelected(new Set());
      return true;
    }
    if (event.key.length === 1 && event.key !== ' ' && !mod) {
      event.preventDefault();
      const now = Date.now();
      typed.current = { text: now - typed.current.at > TYPE_AHEAD_MS ? event.key : typed.current.text + event.key, at: now };
      // A new first letter looks from the next row on; more letters of the same word from this one.
      const from = typed.current.text.length === 1 ? at + 1 : Math.max(0, at);
      const hit = typeAheadIndex(labels, from, typed.current.text);
      if (hit !== -1) moveTo(hit, 'only');
      return true;
    }
    return false;
  };

  /** A click on row `index`: open it, or (with Ctrl/Cmd or Shift) change the selection. */
  const onRowClick = (event: MouseEvent, index: number) => {
    setActive(index);
    if (event.shiftKey) setSelected(new Set(keysBetween(keys, anchor.current, index)));
    else if (event.ctrlKey || event.metaKey) toggle(index);
    else {
      moveTo(index, 'only');
      onOpen?.(index);
    }
  };

  return {
    active,
    setActive: (index: number) => setActive(index),
    /** The selected rows' keys, in no particular order. */
    selection,
    isSelected: (index: number) => selected.has(keys[index]),
    clear: () => setSelected(new Set()),
    toggle,
    moveTo,
    onKeyDown,
    onRowClick,
  };
}
