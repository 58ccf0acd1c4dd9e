// Where the user is: which source the reader shows, which brief the editor holds, and
// which passage to reveal. Any component (a citation inside the editor included) can
// navigate through this context.
import { createContext, useContext } from 'react';

export interface Reveal {
  excerptId: string;
  /** A new value for every request, so revealing the same passage twice scrolls again. */
  nonce: number;
}

/** A passage to reveal by offset (a mention, a paragraph), not an excerpt. */
export interface PassageReveal {
  sourceId: string;
  start: number;
  end: number;
  nonce: number;
}

export interface Navigation {
  sourceId: string | null;
  briefId: string | null;
  reveal: Reveal | null;
  openSource(id: string, revealExcerptId?: string): void;
  /** The last passage asked for by offset (see openPassage). */
  passage: PassageReveal | null;
  /** Opens a source at [start, end) of its current text, marked for a moment. */
  openPassage(sourceId: string, start: number, end: number): void;
  closeSource(): void;
  openBrief(id: string | null): void;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNavigation outside of the app');
  return nav;
}
