// A caret in the reader's text, so a passage can be chosen without a mouse. The text is
// not editable (a contenteditable would have to refuse typing, pasting, dropping and input
// methods, and would be announced as a text field): the reading area is a focusable
// region, and the caret is the DOM selection itself, moved with Selection.modify, which
// works on any text. Chromium draws no caret outside editable text, so this hook says
// where to draw one. The selection it makes is the one the mouse makes: the reader's
// selection code (useReaderSelection) reads it, and Ctrl/Cmd+Shift+E saves it.
//
// Keys, on the focused text: arrows move by character and line, Ctrl+arrows (⌥ on macOS)
// by word and paragraph, Home/End to the line's ends, Ctrl+Home/End (⌘↑/↓) to the text's,
// Page Up/Down by a screen; Shift with any of them extends the selection. Escape
// collapses a selection to the caret.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';
import { boundaryOffset, offsetToPoint } from './selectionOffsets';

export interface Caret {
  /** The caret's offset in the text (the selection's moving end). */
  offset: number;
  /** Where to draw it, inside the scrolling area. */
  top: number;
  left: number;
  height: number;
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
/** Kept between the caret and the top or bottom of the view as it moves. */
const VIEW_MARGIN = 40;

type Move = [direction: 'forward' | 'backward', granularity: 'character' | 'word' | 'line' | 'paragraph' | 'lineboundary'];

/** What a key does to the caret, or null when it is not a caret key. */
function moveOf(event: ReactKeyboardEvent): Move | 'start' | 'end' | 'pageUp' | 'pageDown' | null {
  const word = isMac ? event.altKey : event.ctrlKey;
  const jump = isMac ? event.metaKey : event.ctrlKey;
  if ((isMac ? event.ctrlKey : event.metaKey) || (!isMac && event.altKey)) return null;
  switch (event.key) {
    case 'ArrowLeft':
      return isMac && event.metaKey ? ['backward', 'lineboundary'] : ['backward', word ? 'word' : 'character'];
    case 'ArrowRight':
      return isMac && event.metaKey ? ['forward', 'lineboundary'] : ['forward', word ? 'word' : 'character'];
    case 'ArrowUp':
      return isMac && event.metaKey ? 'start' : ['backward', word ? 'paragraph' : 'line'];
    case 'ArrowDown':
      return isMac && event.metaKey ? 'end' : ['forward', word ? 'paragraph' : 'line'];
    case 'Home':
      return jump ? 'start' : ['backward', 'lineboundary'];
    case 'End':
      return jump ? 'end' : ['forward', 'lineboundary'];
    case 'PageUp':
      return 'pageUp';
    case 'PageDown':
      return 'pageDown';
    default:
      return null;
  }
}

/** The screen box of a DOM point: a collapsed range's, else the edge of a character beside it. */
function pointRect(node: Node, offset: number): DOMRect | null {
  const range = document.createRange();
  range.setStart(node, offset);
  range.collapse(true);
  const rect = range.getClientRects()[0];
  if (rect && rect.height > 0) return rect;
  if (node instanceof Text) {
    if (offset < node.length) {
      range.setEnd(node, offset + 1);
      const next = range.getClientRects()[0];
      if (next) return new DOMRect(next.left, next.top, 0, next.height);
    }
    if (offset > 0) {
      range.setStart(node, offset - 1);
      range.setEnd(node, offset);
      const previous = range.getClientRects()[0];
      if (previous) return new DOMRect(previous.right, previous.top, 0, previous.height);
    }
  }
  return null;
}

/** The text point under a place on screen. */
function pointAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

export function useReaderCaret({ text, textRef, scrollRef }: { text: string; textRef: RefObject<HTMLElement | null>; scrollRef: RefObject<HTMLElement | null> }) {
  const [caret, setCaret] = useState<Caret | null>(null);
  /** A caret asked for at an offset whose block is not drawn yet: placed once it is. */
  const wanted = useRef<{ offset: number; until: number } | null>(null);

  const selectionInText = useCallback((): Selection | null => {
    const selection = window.getSelection();
    const root = textRef.current;
    if (!selection || selection.rangeCount === 0 || !root || !selection.focusNode || !root.contains(selection.focusNode)) return null;
    return selection;
  }, [textRef]);

  /** Where the caret is now, from the DOM selection; null when the selection is elsewhere. */
  const measure = useCallback((): Caret | null => {
    const selection = selectionInText();
    const root = textRef.current;
    const scroller = scrollRef.current;
    if (!selection || !root || !scroller || !selection.focusNode) return null;
    const offset = boundaryOffset(root, selection.focusNode, selection.focusOffset, text.length);
    // Between elements (a run just redrawn), the caret is drawn where its offset is in the text.
    const point = selection.focusNode instanceof Text ? { node: selection.focusNode, offset: selection.focusOffset } : offsetToPoint(root, offset, text);
    const rect = point && pointRect(point.node, point.offset);
    if (!rect) return null;
    const box = scroller.getBoundingClientRect();
    return { offset, top: rect.top - box.top + scroller.scrollTop, left: rect.left - box.left + scroller.scrollLeft, height: rect.height };
  }, [selectionInText, textRef, scrollRef, text]);

  /** The selection in the text as offsets, last seen whole: to put it back when React redraws its runs. */
  const kept = useRef<{ anchor: number; focus: number } | null>(null);
  /** Notes where the selection is now (called at once after moving it, before any redraw). */
  const remember = useCallback(() => {
    const selection = selectionInText();
    const root = textRef.current;
    kept.current =
      root && selection?.anchorNode && selection.focusNode && root.contains(selection.anchorNode)
        ? { anchor: boundaryOffset(root, selection.anchorNode, selection.anchorOffset, text.length), focus: boundaryOffset(root, selection.focusNode, selection.focusOffset, text.length) }
        : null;
  }, [selectionInText, textRef, text.length]);

  useEffect(() => {
    const root = textRef.current;
    if (!root) return;
    const follow = () => {
      remember();
      setCaret((old) => {
        const next = measure();
        return old && next && old.offset === next.offset && old.top === next.top && old.left === next.left ? old : next;
      });
    };
    // A run redrawn (an excerpt saved or removed re-cuts the text into runs) takes the
    // selection with it: put it back where it was, before the selection's change is seen.
    const restore = () => {
      const was = kept.current;
      if (dragging) return;
      const selection = window.getSelection();
      if (!was || !selection) return;
      // Intact: both ends still inside a run's text, where they were.
      const intact =
        selection.anchorNode instanceof Text &&
        selection.focusNode instanceof Text &&
        root.contains(selection.anchorNode) &&
        root.contains(selection.focusNode) &&
        boundaryOffset(root, selection.focusNode, selection.focusOffset, text.length) === was.focus &&
        boundaryOffset(root, selection.anchorNode, selection.anchorOffset, text.length) === was.anchor;
      if (intact) return;
      const anchor = offsetToPoint(root, was.anchor, text);
      const focus = offsetToPoint(root, was.focus, text);
      if (anchor && focus) selection.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
    };
    // A drag with the mouse owns the selection until it ends.
    let dragging = false;
    const down = () => (dragging = true);
    const up = () => (dragging = false);
    document.addEventListener('mousedown', down, true);
    document.addEventListener('mouseup', up, true);
    document.addEventListener('selectionchange', follow);
    const mutations = new MutationObserver(restore);
    mutations.observe(root, { childList: true, subtree: true });
    // Blocks drawn or measured above the caret move it.
    const resize = new ResizeObserver(follow);
    resize.observe(root);
    return () => {
      document.removeEventListener('selectionchange', follow);
      document.removeEventListener('mousedown', down, true);
      document.removeEventListener('mouseup', up, true);
      mutations.disconnect();
      resize.disconnect();
    };
  }, [measure, remember, textRef, text]);

  /** Scrolls the view just enough to show the caret. */
  const keepInView = useCallback(() => {
    const selection = selectionInText();
    const scroller = scrollRef.current;
    if (!selection?.focusNode || !scroller) return;
    const rect = pointRect(selection.focusNode, selection.focusOffset);
    if (!rect) return;
    const box = scroller.getBoundingClientRect();
    if (rect.top < box.top + VIEW_MARGIN) scroller.scrollTop -= box.top + VIEW_MARGIN - rect.top;
    else if (rect.bottom > box.bottom - VIEW_MARGIN) scroller.scrollTop += rect.bottom - (box.bottom - VIEW_MARGIN);
  }, [selectionInText, scrollRef]);

  /** Puts the caret (or, with `extend`, the selection's moving end) at a DOM point. */
  const placeAt = useCallback((point: { node: Node; offset: number }, extend: boolean) => {
    const selection = window.getSelection();
    if (!selection) return;
    if (extend && selection.rangeCount > 0) selection.extend(point.node, point.offset);
    else selection.collapse(point.node, point.offset);
    remember();
  }, [remember]);

  /** The first character in view: where the caret starts when the text is entered by keyboard. */
  const placeInView = useCallback((): boolean => {
    const root = textRef.current;
    const scroller = scrollRef.current;
    if (!root || !scroller) return false;
    const box = scroller.getBoundingClientRect();
    const column = root.getBoundingClientRect();
    for (const run of root.querySelectorAll<HTMLElement>('[data-start]')) {
      const rect = run.getBoundingClientRect();
      if (rect.bottom <= box.top + 4 || rect.height === 0) continue;
      const point = rect.top >= box.top ? (run.firstChild ? { node: run.firstChild, offset: 0 } : null) : pointAt(column.left + 40, box.top + 8);
      if (!point) return false;
      placeAt(point, false);
      return true;
    }
    return false;
  }, [textRef, scrollRef, placeAt]);

  /**
   * Puts the caret at a text offset, scrolled into view. When its block is not drawn yet
   * (a reveal on its way) it is placed as soon as it is, for up to a second.
   */
  const placeCaretAt = useCallback(
    (offset: number) => {
      const root = textRef.current;
      const point = root && offsetToPoint(root, offset, text);
      if (point) {
        wanted.current = null;
        placeAt(point, false);
        keepInView();
        return;
      }
      wanted.current = { offset, until: performance.now() + 1000 };
      const retry = () => {
        const want = wanted.current;
        if (!want || want.offset !== offset) return;
        const found = textRef.current && offsetToPoint(textRef.current, offset, text);
        if (found) {
          wanted.current = null;
          placeAt(found, false);
        } else if (performance.now() < want.until) requestAnimationFrame(retry);
        else wanted.current = null;
      };
      requestAnimationFrame(retry);
    },
    [textRef, text, placeAt, keepInView],
  );

  /** Moves the caret to the text's start or end (drawn first: the text may be long). */
  const toEnd = useCallback(
    (which: 'start' | 'end', extend: boolean) => {
      const scroller = scrollRef.current;
      if (!scroller) return;
      scroller.scrollTop = which === 'start' ? 0 : scroller.scrollHeight;
      const until = performance.now() + 1000;
      const target = which === 'start' ? firstNonSpace(text) : lastNonSpace(text);
      const attempt = () => {
        const root = textRef.current;
        const point = root && offsetToPoint(root, target, text);
        if (point) {
          placeAt(point, extend);
          scroller.scrollTop = which === 'start' ? 0 : scroller.scrollHeight;
        } else if (performance.now() < until) requestAnimationFrame(attempt);
      };
      requestAnimationFrame(attempt);
    },
    [scrollRef, textRef, text, placeAt],
  );

  /** Moves by a screen: the view scrolls, and the caret keeps its place on the screen. */
  const byPage = useCallback(
    (down: boolean, extend: boolean) => {
      const scroller = scrollRef.current;
      const selection = selectionInText();
      if (!scroller || !selection?.focusNode) return;
      const rect = pointRect(selection.focusNode, selection.focusOffset);
      const box = scroller.getBoundingClientRect();
      const x = rect ? rect.left + 1 : box.left + box.width / 2;
      const y = rect ? Math.min(Math.max(rect.top + rect.height / 2, box.top + 8), box.bottom - 8) : box.top + 8;
      scroller.scrollTop += (down ? 1 : -1) * Math.max(40, scroller.clientHeight - VIEW_MARGIN * 2);
      // The blocks of the new screenful are drawn on the next frames.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const point = pointAt(x, y);
          if (point && textRef.current?.contains(point.node)) placeAt(point, extend);
        }),
      );
    },
    [scrollRef, selectionInText, textRef, placeAt],
  );

  /** The keys that move the caret, for the focused text area; true when the key was one. */
  const onKeyDown = useCallback(
    (event: ReactKeyboardEvent): boolean => {
      if (event.target !== scrollRef.current || event.nativeEvent.isComposing) return false;
      if (event.key === 'Escape') {
        const selection = selectionInText();
        if (!selection || selection.isCollapsed) return false;
        event.preventDefault();
        selection.collapse(selection.focusNode, selection.focusOffset);
        remember();
        return true;
      }
      const move = moveOf(event);
      if (!move) return false;
      event.preventDefault();
      const selection = selectionInText();
      const extend = event.shiftKey;
      if (move === 'start' || move === 'end') toEnd(move, extend);
      else if (!selection) placeInView();
      else if (move === 'pageUp' || move === 'pageDown') byPage(move === 'pageDown', extend);
      else {
        selection.modify(extend ? 'extend' : 'move', move[0], move[1]);
        remember();
        keepInView();
      }
      return true;
    },
    [scrollRef, selectionInText, toEnd, placeInView, byPage, keepInView, remember],
  );

  /** On entering the text with the keyboard: a caret at the first line in view, unless the text already has one. */
  const onFocus = useCallback(() => {
    // Only a keyboard focus: a click places the caret itself.
    if (!scrollRef.current?.matches(':focus-visible')) return;
    if (!selectionInText()) placeInView();
  }, [scrollRef, selectionInText, placeInView]);

  /**
   * The caret's offset this moment: a command run right after the caret was moved (Alt+↓
   * twice in a row) must not see the offset of the last redraw.
   */
  const offsetNow = useCallback((): number | undefined => (wanted.current && wanted.current.until > performance.now() ? wanted.current.offset : undefined) ?? measure()?.offset ?? caret?.offset, [measure, caret]);

  return { caret, onKeyDown, onFocus, placeCaretAt, offsetNow };
}

function firstNonSpace(text: string): number {
  const m = /\S/.exec(text);
  return m ? m.index : 0;
}

function lastNonSpace(text: string): number {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
