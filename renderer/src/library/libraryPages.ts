// The library as the sidebar pages through it (sources:page): pages of rows loaded as
// they come into view, the total that gives the list its height, and the order and
// filter the analyst chose (kept for the session, so the library comes back as it was
// when the sidebar is shown again). After a change to the library the pages in view are
// asked for again and the old rows stay on screen until the new ones arrive; after a new
// order or filter the old rows stay until the first page in the new order arrives, so
// typing in the filter never blanks the list.
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { api } from '../api';
import { DEFAULT_SORT_DIRECTION, type SortDirection, type SourceSort } from '../../../common/library';
import { createStore, useStore } from '../state/store';
import { listen } from '../state/topics';
import { notifyError } from '../state/toasts';
import type { LibraryRow } from '../types';

/** Rows per request: a screenful or two, a few milliseconds' work for the store at any size. */
export const PAGE_SIZE = 100;

export interface LibraryQuery {
  sort: SourceSort;
  direction: SortDirection;
  /** Words that must each appear in the title or the publisher; '' for the whole library. */
  filter: string;
}

export const DEFAULT_LIBRARY_QUERY: LibraryQuery = { sort: 'added', direction: DEFAULT_SORT_DIRECTION.added, filter: '' };

/** The order and filter of the library, for the session. */
export const libraryQuery = createStore<LibraryQuery>(DEFAULT_LIBRARY_QUERY);

export const useLibraryQuery = () => useStore(libraryQuery);

interface Page {
  rows: LibraryRow[];
  /** The change it was loaded after: a page older than the last change is loaded again when in view. */
  generation: number;
}

export class LibraryPages {
  private query: LibraryQuery;
  private pages = new Map<number, Page>();
  /** Page → the generation it was asked for in. */
  private pending = new Map<number, number>();
  private generation = 0;
  /** The generation the current order and filter began in: pages from before are in another order. */
  private queryGeneration = 0;
  private totalGeneration = -1;
  private wanted: [number, number] = [0, 0];
  private listeners = new Set<() => void>();
  /** Whether a view shows these pages (answers arriving after it went are dropped). */
  private live = false;
  /** How many sources there are to page through; null until the first page arrives. */
  total: number | null = null;
  /** Changes whenever a page or the total does (the snapshot React follows). */
  version = 0;

  constructor(query: LibraryQuery) {
    this.query = query;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Row `index` in the current order, if its page has arrived (from the last order until the new one's first page does). */
  row(index: number): LibraryRow | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE];
  }

  /** Loads the pages holding rows first..last that are missing, or older than the last change. */
  want(first: number, last: number): void {
    this.wanted = [first, last];
    if (!this.live) return;
    let to = Math.floor(Math.max(first, last) / PAGE_SIZE);
    if (this.total !== null && this.totalGeneration >= this.queryGeneration) to = Math.min(to, Math.max(0, Math.ceil(this.total / PAGE_SIZE) - 1));
    for (let page = Math.max(0, Math.floor(first / PAGE_SIZE)); page <= to; page++) {
      const held = this.pages.get(page);
      const fresh = held && held.generation >= this.generation;
      if (!fresh && this.pending.get(page) !== this.generation) this.load(page);
    }
  }

  /** Something in the library changed: the pages in view are loaded again, shown as they were meanwhile. */
  refresh(): void {
    this.generation++;
    this.want(...this.wanted);
  }

  /** Another order or filter: the list starts from the top (the caller scrolls there). */
  setQuery(query: LibraryQuery): void {
    if (query.sort === this.query.sort && query.direction === this.query.direction && query.filter.trim() === this.query.filter.trim()) return;
    this.query = query;
    this.generation++;
    this.queryGeneration = this.generation;
    this.want(0, this.wanted[1] - this.wanted[0]);
  }

  /** A view shows the pages from now on, and loads what it wants; returns its leaving. */
  attach(): () => void {
    this.live = true;
    this.want(...this.wanted);
    return () => {
      this.live = false;
      this.pending.clear();
    };
  }

  private load(page: number): void {
    const generation = this.generation;
    const { sort, direction, filter } = this.query;
    this.pending.set(page, generation);
    api['sources:page']({ offset: page * PAGE_SIZE, limit: PAGE_SIZE, sort, direction, ...(filter.trim() ? { filter: filter.trim() } : {}) }).then(
      (reply) => {
        if (this.pending.get(page) === generation) this.pending.delete(page);
        if (!this.live || generation < this.queryGeneration) return; // for an order or filter since left
        // The first page in a new order or filter: every row from before is in the old one.
        for (const [p, held] of this.pages) if (held.generation < this.queryGeneration) this.pages.delete(p);
        const held = this.pages.get(page);
        if (!held || held.generation <= generation) this.pages.set(page, { rows: reply.rows, generation });
        if (generation >= this.totalGeneration) {
          this.total = reply.total;
          this.totalGeneration = generation;
        }
        this.version++;
        this.listeners.forEach((l) => l());
      },
      (error: unknown) => {
        if (this.pending.get(page) === generation) this.pending.delete(page);
        if (this.live) notifyError(error, 'The library could not be loaded');
      },
    );
  }
}

/**
 * The library's pages in the order and filter of `libraryQuery`, reloading (in view)
 * whenever the 'sources' topic is announced. The same object for the life of the view.
 */
export function useLibraryPages(): LibraryPages {
  const pages = useMemo(() => new LibraryPages(libraryQuery.get()), []);
  useEffect(() => pages.attach(), [pages]);
  useEffect(() => listen('sources', () => pages.refresh()), [pages]);
  // Told at once (not after the next render), so a keystroke in the filter asks the server straight away.
  useEffect(() => {
    pages.setQuery(libraryQuery.get());
    return libraryQuery.subscribe(() => pages.setQuery(libraryQuery.get()));
  }, [pages]);
  useSyncExternalStore(pages.subscribe, () => pages.version);
  return pages;
}
