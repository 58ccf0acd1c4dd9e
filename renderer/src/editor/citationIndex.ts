// Every citation of the open brief in document order, and the number each cited excerpt
// gets (common/citations.ts numberCitations, the exporters' rule). Kept outside React and updated
// only when a citation is added, removed or changed, so typing re-renders no citation.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { NodeKey } from 'lexical';
import type { CitationForm } from '../../../db/brief/document';
import { numberCitations } from '../../../common/citations';

export interface CitationEntry {
  key: NodeKey;
  excerptId: string;
  quoteAtCitation: string;
  sourceTitleAtCitation: string | undefined;
  form: CitationForm;
}

export { numberCitations };

export class CitationIndex {
  private entries: readonly CitationEntry[] = [];
  private numbers = new Map<string, number>();
  private readonly byExcerpt = new Map<string, Set<() => void>>();
  private readonly all = new Set<() => void>();

  getEntries(): readonly CitationEntry[] {
    return this.entries;
  }

  numberOf(excerptId: string): number | null {
    return this.numbers.get(excerptId) ?? null;
  }

  /** Replaces the list; only the excerpts whose number changed are told. */
  set(entries: readonly CitationEntry[]): void {
    const before = this.numbers;
    const after = numberCitations(entries);
    this.entries = entries;
    this.numbers = after;
    for (const [excerptId, listeners] of this.byExcerpt) {
      if (before.get(excerptId) !== after.get(excerptId)) listeners.forEach((l) => l());
    }
    this.all.forEach((l) => l());
  }

  subscribeNumber(excerptId: string, listener: () => void): () => void {
    let set = this.byExcerpt.get(excerptId);
    if (!set) this.byExcerpt.set(excerptId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byExcerpt.delete(excerptId);
    };
  }

  subscribe(listener: () => void): () => void {
    this.all.add(listener);
    return () => this.all.delete(listener);
  }
}

export const CitationIndexContext = createContext<CitationIndex | null>(null);

const noop = () => () => undefined;

/** The citation's number in the brief (null outside an editor or before the first count). */
export function useCitationNumber(excerptId: string): number | null {
  const index = useContext(CitationIndexContext);
  return useSyncExternalStore(
    index ? (l) => index.subscribeNumber(excerptId, l) : noop,
    () => index?.numberOf(excerptId) ?? null,
  );
}

/** Every citation, in document order; re-renders when one is added, removed or changed. */
export function useCitationEntries(): readonly CitationEntry[] {
  const index = useContext(CitationIndexContext);
  return useSyncExternalStore(
    index ? (l) => index.subscribe(l) : noop,
    () => index?.getEntries() ?? EMPTY,
  );
}

const EMPTY: readonly CitationEntry[] = [];
