// A search result opened in the reader: which source, and the query whose words it shows
// highlighted (the find bar opens on them, at the first hit). A store, so the search box,
// the search results view and the reader need not know of each other.
import { createStore, useStore } from '../state/store';

export interface SearchRequest {
  sourceId: string;
  query: string;
  /** The query as the search box reads it while it is typed (its last word a prefix). */
  asYouType: boolean;
  /** A new value for every request: opening the same result twice goes to its first hit again. */
  nonce: number;
}

const store = createStore<SearchRequest | null>(null);
let counter = 0;

/** Asks the reader to show `query`'s hits in source `sourceId` (open it with nav.openSource). */
export function requestSearchHits(sourceId: string, query: string, asYouType = false): void {
  store.set({ sourceId, query, asYouType, nonce: ++counter });
}

export function useSearchRequest(): SearchRequest | null {
  return useStore(store);
}
