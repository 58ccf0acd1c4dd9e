// Find and replace over the brief's text, as pure functions: where a query occurs in a
// run of text, and how a match maps onto the text nodes the run is made of. Citations and
// other atomic nodes end a run, so a match never spans (or touches) one.

export interface FindOptions {
  caseSensitive: boolean;
  wholeWord: boolean;
}

export interface TextPiece {
  key: string;
  /** Offset of the piece in its run. */
  start: number;
  length: number;
}

export interface TextRun {
  text: string;
  pieces: TextPiece[];
}

export interface Match {
  run: number;
  start: number;
  end: number;
}

/** The piece of a run under [start, end): first and last piece, with offsets inside them. */
export interface MatchSpan {
  first: number;
  firstOffset: number;
  last: number;
  lastOffset: number;
}

export const MAX_MATCHES = 5_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression for the query (literal text, never a pattern), or null when empty. */
export function queryPattern(query: string, options: FindOptions): RegExp | null {
  if (!query) return null;
  const body = escapeRegExp(query);
  const source = options.wholeWord ? `(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])` : body;
  return new RegExp(source, `gu${options.caseSensitive ? '' : 'i'}`);
}

/** Every non-overlapping occurrence, run by run, in document order. */
export function findMatches(runs: readonly Pick<TextRun, 'text'>[], query: string, options: FindOptions, limit = MAX_MATCHES): Match[] {
  const pattern = queryPattern(query, options);
  if (!pattern) return [];
  const out: Match[] = [];
  for (let r = 0; r < runs.length && out.length < limit; r++) {
    pattern.lastIndex = 0;
    for (const m of runs[r].text.matchAll(pattern)) {
      if (m[0].length === 0) continue;
      out.push({ run: r, start: m.index, end: m.index + m[0].length });
      if (out.length >= limit) break;
    }
  }
  return out;
}

/** Which pieces hold [start, end) of a run, and where inside them it starts and ends. */
export function spanOf(pieces: readonly TextPiece[], start: number, end: number): MatchSpan | null {
  let first = -1;
  let last = -1;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (first < 0 && start >= p.start && start < p.start + p.length) first = i;
    if (end > p.start && end <= p.start + p.length) {
      last = i;
      break;
    }
  }
  if (first < 0 || last < 0 || last < first) return null;
  return { first, firstOffset: start - pieces[first].start, last, lastOffset: end - pieces[last].start };
}

/** The index of the match to show first: the first at or after the caret's position. */
export function nearestMatch(matches: readonly Match[], run: number, offset: number): number {
  const i = matches.findIndex((m) => m.run > run || (m.run === run && m.end > offset));
  return i < 0 ? 0 : i;
}
