// A list that is one Tab stop: the current row (and its buttons) is in the Tab order, the
// others are not; ↑ ↓ Home End move between rows. For lists whose rows hold buttons (the
// Trash, the backups), where a listbox cannot be used.
import { useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';

export function useRovingList(count: number) {
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, count - 1));
  const listRef = useRef<HTMLUListElement>(null);

  const focusRow = (index: number) => {
    setActive(index);
    listRef.current?.querySelectorAll<HTMLElement>(':scope > li')[index]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || count === 0) return;
    const next = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: count - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusRow(Math.min(count - 1, Math.max(0, next)));
  };

  return {
    listRef,
    onKeyDown,
    /** Props of row `index`'s <li>; its buttons take `tabIndex(index)`. */
    row: (index: number) => ({
      tabIndex: index === current ? 0 : -1,
      onFocus: (event: FocusEvent) => event.currentTarget.contains(event.target) && setActive(index),
    }),
    tabIndex: (index: number) => (index === current ? 0 : -1),
  };
}
