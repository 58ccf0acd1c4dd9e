// Every citation of the open brief in document order, and the number each cited excerpt
// gets (common/citations.ts numberCitations, the exporters' rule). Kept outside React and updated
// only when a citation is added, removed or changed, so typing re-renders no citation.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { NodeKey } from 'lexical';
import type { CitationForm } from '../../../db/brief/document';
import { numberCitations } from '../../../common/citations';
import { createKeyedSignal, createStore } from '../state/store';

export interface CitationEntry {
  key: NodeKey;
  excerptId: string;
  quoteAtCitation: string;
  sourceTitleAtCitation: string | undefined;
  form: CitationForm;
}

export { numberCitations };

export class CitationIndex {
  private readonly entries = createStore<readonly CitationEntry[]>([]);
  private numbers = new Map<string, number>();
  private readonly renumbered = createKeyedSignal<string>();

  getEntries(): readonly CitationEntry[] {
    return this.entries.get();
  }

  numberOf(excerptId: string): number | null {
    return this.numbers.get(excerptId) ?? null;
  }

  /** Replaces the list; only the excerpts whose number changed are told. */
  set(entries: readonly CitationEntry[]): void {
    const before = this.numbers;
    const after = numberCitations(entries);
    this.numbers = after;
    this.entries.set(entries);
    for (const excerptId of new Set([...before.keys(), ...after.keys()])) {
      if (before.get(excerptId) !== after.get(excerptId)) this.renumbered.emit(excerptId);
    }
  }

  subscribeNumber(excerptId: string, listener: () => void): () => void {
    return this.renumbered.subscribe(excerptId, listener);
  }

  subscribe(listener: () => void): () => void {
    return this.entries.subscribe(listener);
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
