// Next and previous excerpt in the text's order (Alt+↓ / Alt+↑ in the reader): from a
// place in the text, the first excerpt starting after it or the last starting before it,
// round to the other end of the text past the last or the first.

export interface Placed {
  start: number;
  end: number;
}

export function nextExcerpt<T extends Placed>(excerpts: readonly T[], from: number | null, direction: 1 | -1): { excerpt: T; index: number; wrapped: boolean } | null {
  if (excerpts.length === 0) return null;
  const sorted = [...excerpts].sort((a, b) => a.start - b.start || a.end - b.end);
  if (from === null) {
    const index = direction === 1 ? 0 : sorted.length - 1;
    return { excerpt: sorted[index], index, wrapped: false };
  }
  const index = direction === 1 ? sorted.findIndex((e) => e.start > from) : sorted.findLastIndex((e) => e.start < from);
  if (index !== -1) return { excerpt: sorted[index], index, wrapped: false };
  const round = direction === 1 ? 0 : sorted.length - 1;
  return { excerpt: sorted[round], index: round, wrapped: true };
}
