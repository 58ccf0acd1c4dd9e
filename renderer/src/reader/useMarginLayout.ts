// Where the reader's excerpt margin is: beside the text when the pane is wide (docked,
// open or closed as the analyst last left it), over it as a drawer, on demand, when the
// pane is narrow. Escape closes the drawer when nothing inside it claims the key.
import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/** Below this pane width the excerpt margin floats over the text instead of squeezing it. */
const NARROW_READER = 980;
const KEY = 'sourcebook.margin';

function useNarrow(ref: RefObject<HTMLElement | null>, limit: number): boolean {
  const [narrow, setNarrow] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setNarrow(el.getBoundingClientRect().width < limit);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, limit]);
  return narrow;
}

export interface MarginLayout {
  /** The pane is narrow: the margin is a drawer over the text. */
  narrow: boolean;
  open: boolean;
  toggle(): void;
  /** Opens the margin, docked or as the drawer. */
  show(): void;
  /** Closes the drawer (it would cover a popover in the text); a docked margin stays. */
  closeDrawer(): void;
}

/**
 * `section`: the reader pane, measured. `escapeCloses`: whether Escape may close the
 * drawer now (not while an excerpt is open in it, the review shows, or a passage is being
 * saved).
 */
export function useMarginLayout(section: RefObject<HTMLElement | null>, escapeCloses: boolean): MarginLayout {
  const narrow = useNarrow(section, NARROW_READER);
  const [dockedOpen, setDockedOpen] = useState(() => localStorage.getItem(KEY) !== 'closed');
  const [drawerOpen, setDrawerOpen] = useState(false);

  const toggle = () => {
    if (narrow) {
      setDrawerOpen((open) => !open);
      return;
    }
    setDockedOpen((open) => {
      localStorage.setItem(KEY, open ? 'closed' : 'open');
      return !open;
    });
  };

  const show = useCallback(() => {
    if (narrow) setDrawerOpen(true);
    else setDockedOpen(true);
  }, [narrow]);

  const closeDrawer = useCallback(() => {
    if (narrow) setDrawerOpen(false);
  }, [narrow]);

  useEffect(() => {
    if (!narrow || !drawerOpen || !escapeCloses) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setDrawerOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [narrow, drawerOpen, escapeCloses]);

  return { narrow, open: narrow ? drawerOpen : dockedOpen, toggle, show, closeDrawer };
}
