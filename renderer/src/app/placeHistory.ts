// Back and forward between the places visited (issue #13): each source or brief opened is
// an entry of the window's own history (history.pushState), so Alt+Left / Alt+Right (the
// registry's nav.back / nav.forward), the browser's Back and Forward and the mouse's back
// and forward buttons all move through them. The app's first place sits on a guard entry:
// Back from it stays in the app instead of leaving the page.
import { useEffect, useRef } from 'react';

export interface Place {
  sourceId: string | null;
  briefId: string | null;
}

interface Entry {
  sourcebook: { place: Place; index: number };
}

const entryOf = (state: unknown): Entry['sourcebook'] | null => {
  const s = (state as Partial<Entry> | null)?.sourcebook;
  return s && typeof s.index === 'number' && s.place ? s : null;
};

const same = (a: Place, b: Place) => a.sourceId === b.sourceId && a.briefId === b.briefId;

export function goBack(): void {
  history.back();
}

export function goForward(): void {
  history.forward();
}

/**
 * Keeps the window's history in step with the place shown: a new place is pushed; moving
 * through the history (Back, Forward, Alt+arrows, mouse buttons) calls `restore`.
 */
export function usePlaceHistory(place: Place, restore: (place: Place) => void): void {
  const index = useRef(0);
  const restoring = useRef<Place | null>(null);
  const restoreRef = useRef(restore);
  restoreRef.current = restore;

  useEffect(() => {
    // The guard entry (index 0) below the first place (index 1).
    history.replaceState({ sourcebook: { place, index: 0 } } satisfies Entry, '');
    history.pushState({ sourcebook: { place, index: 1 } } satisfies Entry, '');
    index.current = 1;
    const onPop = (event: PopStateEvent) => {
      const entry = entryOf(event.state);
      if (!entry) return;
      if (entry.index === 0) {
        history.forward(); // Back from the first place: stay in the app
        return;
      }
      index.current = entry.index;
      restoring.current = entry.place;
      restoreRef.current(entry.place);
    };
    // The mouse's back and forward buttons: Chromium in a browser already moves the history;
    // in the desktop window they do nothing unless handled here.
    const onMouse = (event: MouseEvent) => {
      if (event.button === 3) goBack();
      else if (event.button === 4) goForward();
    };
    window.addEventListener('popstate', onPop);
    const desktop = 'sourcebook' in window;
    if (desktop) window.addEventListener('mouseup', onMouse);
    return () => {
      window.removeEventListener('popstate', onPop);
      if (desktop) window.removeEventListener('mouseup', onMouse);
    };
    // Installed once; the place at that moment is the first entry.
  }, []);

  useEffect(() => {
    if (restoring.current && same(restoring.current, place)) {
      restoring.current = null;
      return;
    }
    const current = entryOf(history.state);
    if (current && same(current.place, place)) return;
    index.current += 1;
    history.pushState({ sourcebook: { place, index: index.current } } satisfies Entry, '');
  }, [place.sourceId, place.briefId]);
}
