// Edit distances and alignments over folded text (one scratch buffer; the module is
// synchronous).
import { MAX_TRACEBACK_CELLS } from './thresholds';

// One scratch buffer, grown on demand (the module is synchronous).

let scratch = new Int32Array(1 << 16);
function buffer(size: number): Int32Array {
  if (scratch.length < size) scratch = new Int32Array(Math.max(size, scratch.length * 2));
  return scratch;
}

/** Levenshtein distance. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const n = b.length;
  const row = buffer(n + 1);
  for (let j = 0; j <= n; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const up = row[j];
      const v = Math.min(diag + (ca === b.charCodeAt(j - 1) ? 0 : 1), up + 1, row[j - 1] + 1);
      diag = up;
      row[j] = v;
    }
  }
  return row[n];
}

/** Levenshtein distance over words (for long quotes). */
export function wordDistance(a: readonly string[], b: readonly string[]): number {
  const ids = new Map<string, number>();
  const id = (w: string) => ids.get(w) ?? (ids.set(w, ids.size), ids.size - 1);
  const x = Int32Array.from(a, id);
  const y = Int32Array.from(b, id);
  const n = y.length;
  const row = buffer(n + 1);
  for (let j = 0; j <= n; j++) row[j] = j;
  for (let i = 1; i <= x.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const up = row[j];
      const v = Math.min(diag + (x[i - 1] === y[j - 1] ? 0 : 1), up + 1, row[j - 1] + 1);
      diag = up;
      row[j] = v;
    }
  }
  return row[n];
}

/**
 * Distance of `pattern` to the best-matching run of `w` that starts at w's start (when
 * `fromEnd` is false) or ends at w's end (when true): the context of a candidate is
 * compared outward from the candidate's edge, and may end anywhere.
 */
export function anchoredDistance(pattern: string, w: string, fromEnd: boolean): number {
  const m = pattern.length;
  const n = w.length;
  const row = buffer(n + 1);
  for (let j = 0; j <= n; j++) row[j] = j;
  for (let i = 1; i <= m; i++) {
    let diag = row[0];
    row[0] = i;
    const ca = fromEnd ? pattern.charCodeAt(m - i) : pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = fromEnd ? w.charCodeAt(n - j) : w.charCodeAt(j - 1);
      const up = row[j];
      const v = Math.min(diag + (ca === cb ? 0 : 1), up + 1, row[j - 1] + 1);
      diag = up;
      row[j] = v;
    }
  }
  let best = m;
  for (let j = 0; j <= n; j++) if (row[j] < best) best = row[j];
  return best;
}

/**
 * Where `pattern` best matches inside `w` (free start and end in w): the span of w
 * aligned with pattern[from, to). With `expected`, ties go to the end nearest it.
 */
export function alignSpan(pattern: string, w: string, from: number, to: number, expectedEnd: number): { start: number; end: number } {
  const m = pattern.length;
  const n = w.length;
  const width = n + 1;
  if ((m + 1) * width > MAX_TRACEBACK_CELLS) return alignSpanTwoPass(pattern.slice(from, to), w, expectedEnd);
  const d = buffer((m + 1) * width);
  for (let j = 0; j <= n; j++) d[j] = 0;
  for (let i = 1; i <= m; i++) {
    const ca = pattern.charCodeAt(i - 1);
    const row = i * width;
    const prev = row - width;
    d[row] = i;
    for (let j = 1; j <= n; j++) {
      d[row + j] = Math.min(d[prev + j - 1] + (ca === w.charCodeAt(j - 1) ? 0 : 1), d[prev + j] + 1, d[row + j - 1] + 1);
    }
  }
  const last = m * width;
  let jEnd = 0;
  for (let j = 1; j <= n; j++) {
    const v = d[last + j];
    const b = d[last + jEnd];
    if (v < b || (v === b && Math.abs(j - expectedEnd) < Math.abs(jEnd - expectedEnd))) jEnd = j;
  }
  let i = m;
  let j = jEnd;
  let spanStart = -1;
  let spanEnd = i === to ? j : -1;
  while (i > 0) {
    const here = d[i * width + j];
    if (j > 0 && here === d[(i - 1) * width + j - 1] + (pattern.charCodeAt(i - 1) === w.charCodeAt(j - 1) ? 0 : 1)) {
      i--;
      j--;
    } else if (here === d[(i - 1) * width + j] + 1) {
      i--;
    } else {
      j--;
    }
    // Text inserted next to the quote belongs to the context, not to the quote: the quote
    // ends at the leftmost cell of its last row and starts at the rightmost of its first.
    if (i === to) spanEnd = j;
    if (i === from && spanStart < 0) spanStart = j;
  }
  if (spanStart < 0) spanStart = j;
  if (spanEnd < 0) spanEnd = spanStart;
  return { start: Math.min(spanStart, spanEnd), end: spanEnd };
}

/** Semi-global alignment without traceback (for big quotes): end by a forward pass, start by a backward one. */
function alignSpanTwoPass(q: string, w: string, expectedEnd: number): { start: number; end: number } {
  const lastRow = (a: string, b: string, reverse: boolean): Int32Array => {
    const n = b.length;
    const row = buffer(n + 1);
    for (let j = 0; j <= n; j++) row[j] = 0;
    for (let i = 1; i <= a.length; i++) {
      let diag = row[0];
      row[0] = i;
      const ca = reverse ? a.charCodeAt(a.length - i) : a.charCodeAt(i - 1);
      for (let j = 1; j <= n; j++) {
        const up = row[j];
        const cb = reverse ? b.charCodeAt(n - j) : b.charCodeAt(j - 1);
        const v = Math.min(diag + (ca === cb ? 0 : 1), up + 1, row[j - 1] + 1);
        diag = up;
        row[j] = v;
      }
    }
    return row;
  };
  let row = lastRow(q, w, false);
  let end = 0;
  for (let j = 1; j <= w.length; j++) {
    if (row[j] < row[end] || (row[j] === row[end] && Math.abs(j - expectedEnd) < Math.abs(end - expectedEnd))) end = j;
  }
  const before = w.slice(0, end);
  row = lastRow(q, before, true);
  let back = 0;
  for (let j = 1; j <= before.length; j++) {
    if (row[j] < row[back] || (row[j] === row[back] && Math.abs(j - q.length) < Math.abs(back - q.length))) back = j;
  }
  return { start: end - back, end };
}
