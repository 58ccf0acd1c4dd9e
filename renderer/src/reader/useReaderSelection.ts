// The analyst's selection in the reader's text: where it is (text offsets, and where its
// popover goes in the scrolling area), followed as it changes but read only once a drag
// ends; the block last pressed (it stays rendered while a selection is dragged); and the
// save shortcut, which acts on the selection.
import { useCallback, useEffect, useRef, useState, type MouseEvent as ReactMouseEvent, type RefObject } from 'react';
import { rangeToOffsets } from './selectionOffsets';

export interface Anchor {
  start: number;
  end: number;
  /** Position of the popover inside the scrolling text area. */
  top: number;
  left: number;
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
export const SAVE_SHORTCUT_LABEL = isMac ? '⌘⇧E' : 'Ctrl+Shift+E';

export function useReaderSelection({ text, textRef, scrollRef }: { text: string; textRef: RefObject<HTMLElement | null>; scrollRef: RefObject<HTMLElement | null> }) {
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  /** Where the last press in the text was: that block stays rendered while a selection is dragged. */
  const [pressAt, setPressAt] = useState<number | null>(null);
  const pointerDown = useRef(false);

  /** Where the current DOM selection is, in text offsets and popover position; null if none. */
  const readSelection = useCallback((): Anchor | null => {
    const selection = window.getSelection();
    const root = textRef.current;
    const scroller = scrollRef.current;
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !root || !scroller) return null;
    const range = selection.getRangeAt(0);
    const offsets = rangeToOffsets(root, range, text);
    if (!offsets) return null;
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    const left = Math.min(Math.max(last.right - box.left + scroller.scrollLeft - 40, 8), box.width - 370); // the save popover is 360 px wide (reader.css)
    return { ...offsets, top: last.bottom - box.top + scroller.scrollTop + 8, left: Math.max(8, left) };
  }, [text, textRef, scrollRef]);

  useEffect(() => {
    const onSelectionChange = () => {
      if (pointerDown.current) return;
      setAnchor(readSelection());
    };
    const onPointerUp = () => {
      if (!pointerDown.current) return;
      pointerDown.current = false;
      setAnchor(readSelection());
    };
    document.addEventListener('selectionchange', onSelectionChange);
    document.addEventListener('mouseup', onPointerUp);
    return () => {
      document.removeEventListener('selectionchange', onSelectionChange);
      document.removeEventListener('mouseup', onPointerUp);
    };
  }, [readSelection]);

  /** On the scrolling area: a press starts a drag, and pins the block it landed in. */
  const onMouseDown = (event: ReactMouseEvent) => {
    pointerDown.current = true;
    const run = (event.target as HTMLElement).closest<HTMLElement>('[data-start]');
    setPressAt(run ? Number(run.dataset.start) : null);
  };

  const clear = useCallback(() => setAnchor(null), []);

  return { anchor, clear, readSelection, pressAt, onMouseDown };
}

/**
 * The save shortcut: acts on the selection (`onAnchor`). Without one it does nothing,
 * but still keeps the key from the browser while `busy` (a passage is being saved).
 */
export function useSaveShortcut(readSelection: () => Anchor | null, busy: boolean, onAnchor: (anchor: Anchor) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'e') {
        const anchor = readSelection();
        if (!anchor && !busy) return;
        event.preventDefault();
        if (anchor) onAnchor(anchor);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [readSelection, busy, onAnchor]);
}
