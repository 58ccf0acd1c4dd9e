// Pages of a paged source (PDF): where each page's text lies in the normalized text, and
// the page an offset falls on — what the reader, excerpt lists and exports all show.

/** Page n (1-based) of a paged source covers [start, end) of its normalized text. */
export interface PageSpan {
  page: number;
  start: number;
  end: number;
}

/** The page holding `offset`, by binary search over the page map; null for an unpaged source. */
export function pageAt(pages: readonly PageSpan[] | null, offset: number): number | null {
  if (!pages || pages.length === 0) return null;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return pages[lo].page;
}
