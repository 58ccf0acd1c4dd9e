// The library's order and window: the orders a page of sources can be asked for, the way
// each runs unless told otherwise, and the largest page. The contract validates against
// these, the store orders by them (each by an index: db/migrations/016_library_order.ts),
// the sidebar offers them.

export const SOURCE_SORTS = ['added', 'title', 'published', 'publisher', 'excerpts', 'grade', 'mentions', 'language'] as const;
export type SourceSort = (typeof SOURCE_SORTS)[number];

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** Newest, most excerpted, most mentioned first; names, grades (A first) and languages from A. */
export const DEFAULT_SORT_DIRECTION: Record<SourceSort, SortDirection> = {
  added: 'desc',
  title: 'asc',
  published: 'desc',
  publisher: 'asc',
  excerpts: 'desc',
  grade: 'asc',
  mentions: 'desc',
  language: 'asc',
};

/** The most sources one bulk action (grade, move to the Trash) takes at once. */
export const MAX_BULK_SOURCES = 1000;
/** The most tag names one bulk change of sources' tags may add or remove. */
export const MAX_TAGS_AT_ONCE = 20;

/** The most rows one page of the library holds. */
export const MAX_SOURCE_PAGE = 500;

/** The longest filter text (the words of it narrow by title and publisher). */
export const MAX_SOURCE_FILTER = 200;
