// Where the user is: which source the reader shows, which brief the editor holds, and
// which passage to reveal. Any component (a citation inside the editor included) can
// navigate through this context.
import { createContext, useContext } from 'react';

export interface Reveal {
  excerptId: string;
  /** A new value for every request, so revealing the same passage twice scrolls again. */
  nonce: number;
}

export interface Navigation {
  sourceId: string | null;
  briefId: string | null;
  reveal: Reveal | null;
  openSource(id: string, revealExcerptId?: string): void;
  closeSource(): void;
  openBrief(id: string | null): void;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNavigation outside of the app');
  return nav;
}
