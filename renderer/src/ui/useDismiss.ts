// Closing a small popover the way every popover here closes: Escape (caught before
// anything else hears it, so only the popover closes, not the pane or dialog it sits in;
// focus goes back to the button that opened it) or a pointer press outside it.
import { useEffect, useRef, type RefObject } from 'react';

export function useDismiss(
  open: boolean,
  close: () => void,
  /** What counts as inside: the popover, its button, anything drawn for it elsewhere. */
  isInside: (target: Node) => boolean,
  returnFocusTo: RefObject<HTMLElement | null>,
): void {
  // The latest callbacks, without re-adding the listeners on every render.
  const latest = useRef({ close, isInside });
  latest.current = { close, isInside };
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      latest.current.close();
      returnFocusTo.current?.focus();
    };
    const onDown = (event: PointerEvent) => {
      if (!latest.current.isInside(event.target as Node)) latest.current.close();
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open, returnFocusTo]);
}
