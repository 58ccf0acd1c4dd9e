// One excerpt being re-anchored: its quote and context folded, its exact and fuzzy
// candidates, and how well each side of a candidate agrees with the old context.
import { type Anchor } from './types';
import { CONTEXT_SIZE, CTX_BASE, EDGE_CHARS, EMPTY_PLACE_MIN, INSERTION_GAP, LONG_QUOTE, MAX_CLUSTERS, MAX_FUZZY_QUOTE, MAX_POSTINGS, NEAR, RESIDUE_MIN, SIDE_AGREE, STRONG_VOTES } from './thresholds';
import { EDGE, WORD, fold } from './fold';
import { type TextIndex, pairHash, tokenHash, tokenize } from './textIndex';
import { alignSpan, anchoredDistance, levenshtein, wordDistance } from './editDistance';

export interface Span {
  fs: number;
  fe: number;
}

/** A region of the folded text worth aligning the passage against. */
interface Window {
  /** Where the vote says the quote starts. */
  at: number;
  /** How far the passage may have grown or shrunk. */
  slack: number;
  from: number;
  to: number;
  strong: boolean;
  /** The aligned candidate, once computed (null: nothing there). */
  aligned?: Candidate | null;
}

export interface Candidate extends Span {
  /** Original offsets. */
  start: number;
  end: number;
  /** Folded-quote similarity, 1 for an occurrence. */
  similarity: number;
  /** Prefix and suffix similarity at this place, and their length-weighted mean. */
  before: number;
  after: number;
  context: number;
  /** At least one side agrees (SIDE_AGREE). */
  plausible: boolean;
  combined: number;
}

/** Every non-overlapping occurrence of the folded string `q` in the folded text. */
export function exactSpans(ix: TextIndex, q: string): Span[] {
  const f = ix.folded;
  const starts: number[] = [];
  const qt = tokenize(q);
  let bestPostings: number[] | null = null;
  let bestToken = -1;
  // Inner tokens are whole words of the text wherever `q` occurs (the first and last may
  // be cut mid-word), so every occurrence contains any inner pair: the rarest will do.
  for (let i = 1; i + 2 < qt.count; i++) {
    const h = pairHash(tokenHash(q, qt.start[i], qt.end[i]), tokenHash(q, qt.start[i + 1], qt.end[i + 1]));
    const p = ix.postings(h, bestPostings ? bestPostings.length : 4096);
    if (p && (!bestPostings || p.length < bestPostings.length)) {
      bestPostings = p;
      bestToken = i;
      if (p.length <= 1) break;
    }
  }
  if (bestPostings) {
    const ts = ix.tokenStarts;
    for (const j of bestPostings) {
      const at = ts[j] - qt.start[bestToken];
      if (at >= 0 && f.startsWith(q, at)) starts.push(at);
    }
    starts.sort((a, b) => a - b);
  } else {
    for (let at = f.indexOf(q); at >= 0; at = f.indexOf(q, at + 1)) starts.push(at);
  }
  const out: Span[] = [];
  for (const at of starts) if (!out.length || at >= out[out.length - 1].fe) out.push({ fs: at, fe: at + q.length });
  return out;
}

export class Query {
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  /** Context with EDGE where the old context reached the start/end of the text. */
  private readonly prefixCtx: string;
  private readonly suffixCtx: string;
  private readonly startsAtWord: boolean;
  private readonly endsAtWord: boolean;
  /** Words in the (folded) quote. */
  readonly words: number;
  private occurrenceCache?: Candidate[];
  private windowCache?: Window[];

  constructor(
    private readonly ix: TextIndex,
    readonly anchor: Anchor,
  ) {
    this.quote = fold(anchor.quote).trim();
    this.prefix = fold(anchor.prefix);
    this.suffix = fold(anchor.suffix);
    this.prefixCtx = anchor.prefix.length < CONTEXT_SIZE ? EDGE + this.prefix : this.prefix;
    this.suffixCtx = anchor.suffix.length < CONTEXT_SIZE ? this.suffix + EDGE : this.suffix;
    const q = this.quote;
    this.startsAtWord = q.length > 0 && (!WORD[q.charCodeAt(0)] || this.prefix.length === 0 || !WORD[this.prefix.charCodeAt(this.prefix.length - 1)]);
    this.endsAtWord = q.length > 0 && (!WORD[q.charCodeAt(q.length - 1)] || this.suffix.length === 0 || !WORD[this.suffix.charCodeAt(0)]);
    this.words = q.length === 0 ? 0 : q.split(' ').length;
  }

  /** The new text, folded. */
  get folded(): string {
    return this.ix.folded;
  }

  candidate(fs: number, fe: number, occurrence: boolean): Candidate {
    const p = this.prefixCtx;
    const s = this.suffixCtx;
    const { before, after } = sides(this.ix.folded, fs, fe, p, s);
    const context = (before * p.length + after * s.length) / Math.max(1, p.length + s.length);
    const similarity = occurrence ? 1 : this.similarity(fs, fe);
    const { start, end } = this.ix.toOriginal(fs, fe);
    return {
      fs,
      fe,
      start,
      end,
      similarity,
      before,
      after,
      context,
      plausible: Math.max(before, after) >= SIDE_AGREE,
      combined: similarity * (CTX_BASE + (1 - CTX_BASE) * context),
    };
  }

  private similarity(fs: number, fe: number): number {
    const span = this.ix.folded.slice(fs, fe);
    if (this.quote.length > LONG_QUOTE) {
      const a = this.quote.split(' ');
      const b = span.split(' ');
      return 1 - wordDistance(a, b) / Math.max(a.length, b.length, 1);
    }
    return 1 - levenshtein(this.quote, span) / Math.max(this.quote.length, span.length, 1);
  }

  /** Every occurrence of the quote's words (folded), as candidates. */
  occurrences(): Candidate[] {
    if (!this.occurrenceCache) {
      const spots = mostPromising(this.ix, this, exactSpans(this.ix, this.quote), this.ix.toFolded(this.anchor.start));
      this.occurrenceCache = spots.map((o) => this.candidate(o.fs, o.fe, true));
    }
    return this.occurrenceCache;
  }

  /**
   * Whether the passage's old neighbourhood survives without it, nearer the expected
   * place than `winner`: an intact copy of the old prefix (or suffix) that is not the
   * winner's own, and — when the winner's own prefix changed — not within INSERTION_GAP
   * before it (a sentence inserted between). Then the winner may be a look-alike of a
   * deleted passage as much as the passage itself.
   */
  oldNeighbourhoodElsewhere(winner: Candidate, distance: (offset: number) => number): boolean {
    const ix = this.ix;
    const limit = Math.min(NEAR, distance(winner.start) - 1);
    const quoteLength = this.anchor.end - this.anchor.start;
    const sides = [
      // Where the passage would start, by this copy of the prefix; by this copy of the suffix.
      { text: this.prefix.trim(), own: (o: Span) => o.fe <= winner.fs && winner.fs - o.fe <= 1, at: (o: Span) => ix.toOriginal(o.fs, o.fe).end },
      { text: this.suffix.trim(), own: (o: Span) => o.fs >= winner.fe && o.fs - winner.fe <= 1, at: (o: Span) => ix.toOriginal(o.fs, o.fe).start - quoteLength },
    ];
    for (const side of sides) {
      if (side.text.length < RESIDUE_MIN) continue;
      for (const o of exactSpans(ix, side.text)) {
        if (side.own(o) || explainedByInsertion(winner, o.fs, o.fe)) continue;
        if (distance(side.at(o)) <= limit) return true;
      }
    }
    return false;
  }

  /**
   * Where the passage could be besides its exact occurrences: the word pairs of
   * prefix+quote+suffix vote for where the quote starts, clustered (the best clusters,
   * plus the old position). A window is aligned only when a caller needs it, so a passage
   * found exactly pays only for the strong clusters (possible look-alikes).
   */
  private windows(): Window[] {
    if (this.windowCache) return this.windowCache;
    const q = this.quote;
    const ix = this.ix;
    const f = ix.folded;
    const pre = this.prefix;
    const suf = this.suffix;
    if (q.length === 0 || q.length > MAX_FUZZY_QUOTE) return (this.windowCache = []);
    const pattern = pre + q + suf;
    const pt = tokenize(pattern);
    const ts = ix.tokenStarts;
    const votes: { at: number; pair: number }[] = [];
    // The first and last tokens of the pattern are likely cut by the 32-character window.
    const first = pt.count > 3 && this.anchor.prefix.length >= CONTEXT_SIZE ? 1 : 0;
    const last = pt.count > 3 && this.anchor.suffix.length >= CONTEXT_SIZE ? pt.count - 2 : pt.count - 1;
    let pairs = 0;
    for (let k = first; k + 1 <= last; k++) {
      pairs++;
      const h = pairHash(tokenHash(pattern, pt.start[k], pt.end[k]), tokenHash(pattern, pt.start[k + 1], pt.end[k + 1]));
      const p = ix.postings(h, MAX_POSTINGS);
      if (!p) continue;
      for (const j of p) votes.push({ at: ts[j] - (pt.start[k] - pre.length), pair: k });
    }
    votes.sort((x, y) => x.at - y.at);
    const tolerance = 24 + (q.length >> 2);
    const clusters: { at: number; votes: number }[] = [];
    for (let v = 0; v < votes.length; ) {
      let w = v + 1;
      while (w < votes.length && votes[w].at - votes[w - 1].at <= tolerance) w++;
      const distinct = new Set<number>();
      for (let x = v; x < w; x++) distinct.add(votes[x].pair);
      clusters.push({ at: votes[(v + w) >> 1].at, votes: distinct.size });
      v = w;
    }
    clusters.sort((x, y) => y.votes - x.votes);
    const chosen = clusters.slice(0, MAX_CLUSTERS);
    // The old position, for passages whose words were all changed but whose place remains.
    const old = ix.toFolded(this.anchor.start);
    if (!chosen.some((c) => Math.abs(c.at - old) <= tolerance)) chosen.push({ at: old, votes: 0 });
    // Room for the passage to have grown or shrunk by a quarter (up to 2,000 characters).
    const slack = 16 + Math.min(q.length >> 2, 2000);
    this.windowCache = chosen
      .map((c) => ({
        at: c.at,
        slack,
        from: Math.max(0, c.at - pre.length - slack),
        to: Math.min(f.length, c.at + q.length + suf.length + slack),
        // A place at least LOOKALIKE_SIMILARITY like the quote, with an agreeing side, keeps
        // most of its word pairs: a third of them is a generous floor.
        strong: c.votes >= Math.max(2, Math.ceil(pairs * STRONG_VOTES)),
      }))
      .filter((w) => w.to > w.from);
    return this.windowCache;
  }

  /** Folded offsets where the passage's old place is still there, empty. */
  emptyPlaces(): number[] {
    const out: number[] = [];
    for (const w of this.windows()) {
      const at = this.emptyPlace(this.ix.folded.slice(w.from, w.to));
      if (at >= 0 && !out.includes(w.from + at)) out.push(w.from + at);
    }
    return out;
  }

  /** Approximate candidates in the windows (only the strong ones with `strongOnly`), away from `exclude`. */
  approximate(exclude: readonly Span[], strongOnly: boolean): Candidate[] {
    const q = this.quote;
    const pattern = this.prefix + q + this.suffix;
    const qFrom = this.prefix.length;
    const tolerance = 24 + (q.length >> 2);
    const out: Candidate[] = [];
    for (const w of this.windows()) {
      if (strongOnly && !w.strong) continue;
      // A window around an exact occurrence would only find the occurrence again.
      if (exclude.some((o) => Math.abs(o.fs - w.at) <= tolerance)) continue;
      if (w.aligned === undefined) {
        const span = q.length > LONG_QUOTE ? this.alignByEdges(w) : this.alignWhole(w, pattern, qFrom);
        const { fs, fe } = this.refine(span.fs, span.fe);
        w.aligned = fe > fs ? this.candidate(fs, fe, false) : null;
      }
      const c = w.aligned;
      if (!c || exclude.some((o) => c.fs < o.fe && o.fs < c.fe) || out.some((x) => c.fs < x.fe && x.fs < c.fe)) continue;
      out.push(c);
    }
    return out;
  }

  /** The quote's span in a window: prefix+quote+suffix aligned in one piece. */
  private alignWhole(w: Window, pattern: string, qFrom: number): Span {
    const text = this.ix.folded.slice(w.from, w.to);
    const q = this.quote;
    const span = alignSpan(pattern, text, qFrom, qFrom + q.length, Math.min(text.length, w.at + q.length + this.suffix.length - w.from));
    return { fs: w.from + span.start, fe: w.from + span.end };
  }

  /** A long quote's span in a window: where its head (with the prefix) starts and its tail (with the suffix) ends. */
  private alignByEdges(w: Window): Span {
    const f = this.ix.folded;
    const q = this.quote;
    const head = this.prefix + q.slice(0, EDGE_CHARS);
    const tail = q.slice(-EDGE_CHARS) + this.suffix;
    const hFrom = w.from;
    const hTo = Math.max(hFrom, Math.min(f.length, w.at + EDGE_CHARS + w.slack));
    const h = alignSpan(head, f.slice(hFrom, hTo), this.prefix.length, head.length, hTo - hFrom);
    const tTo = w.to;
    const tFrom = Math.min(tTo, Math.max(0, w.at + q.length - EDGE_CHARS - w.slack));
    const t = alignSpan(tail, f.slice(tFrom, tTo), 0, EDGE_CHARS, Math.min(tTo - tFrom, w.at + q.length + this.suffix.length - tFrom));
    return { fs: hFrom + h.start, fe: tFrom + t.end };
  }

  /**
   * Where in `w` the passage's old place is, with nothing in it (-1: nowhere): the head of the old
   * prefix running straight into the tail of the old suffix (a deleted sentence takes
   * the passage and maybe some context with it). No edit outside the passage leaves this
   * trace: an inserted sentence sits between prefix and quote, a deleted neighbour takes
   * part of the prefix but leaves the quote.
   */
  private emptyPlace(w: string): number {
    const p = this.prefix;
    const s = this.suffix;
    if (p.length < 8 || s.length < 8 || p.length + s.length < EMPTY_PLACE_MIN) return -1;
    const seed = p.slice(0, 8);
    for (let y = w.indexOf(seed); y >= 0; y = w.indexOf(seed, y + 1)) {
      let l = 8;
      while (l < p.length && y + l < w.length && w.charCodeAt(y + l) === p.charCodeAt(l)) l++;
      // Whitespace at the junction was one run in the new text.
      let x = y + l;
      let head = l;
      if (p.charCodeAt(head - 1) === 0x20) {
        head--;
        x--;
      }
      if (w.charCodeAt(x) === 0x20) x++;
      for (let t = 0; s.length - t >= 8; t++) {
        const tail = s.charCodeAt(t) === 0x20 ? s.slice(t + 1) : s.slice(t);
        if (tail.length < 8 || head + tail.length < EMPTY_PLACE_MIN) break;
        if (w.startsWith(tail, x)) return x;
      }
    }
    return -1;
  }

  /** Trims spaces and, where the old quote began/ended at a word boundary, snaps to one. */
  private refine(fs: number, fe: number): Span {
    const f = this.ix.folded;
    const trim = (a: number, b: number): Span => {
      while (a < b && f.charCodeAt(a) === 0x20) a++;
      while (b > a && f.charCodeAt(b - 1) === 0x20) b--;
      return { fs: a, fe: b };
    };
    const inWord = (at: number) => at > 0 && at < f.length && WORD[f.charCodeAt(at - 1)] && WORD[f.charCodeAt(at)];
    const options = (at: number, snap: boolean): number[] => {
      if (!snap || !inWord(at)) return [at];
      let back = at;
      while (back > 0 && WORD[f.charCodeAt(back - 1)]) back--;
      let fwd = at;
      while (fwd < f.length && WORD[f.charCodeAt(fwd)]) fwd++;
      return [back, fwd];
    };
    const distance = (x: Span) => levenshtein(this.quote, f.slice(x.fs, x.fe));
    // Ties go to the longer span: a reworded first or last word is still part of the passage.
    const pick = (spans: Span[]) =>
      spans.reduce((a, b) => {
        const da = distance(a);
        const db = distance(b);
        return db < da || (db === da && b.fe - b.fs > a.fe - a.fs) ? b : a;
      });
    let best = trim(fs, fe);
    if (this.quote.length > LONG_QUOTE) return best;
    best = pick(options(best.fs, this.startsAtWord).map((x) => trim(x, best.fe)));
    best = pick(options(best.fe, this.endsAtWord).map((x) => trim(best.fs, x)));
    return best;
  }
}

/** A context for comparisons: folded, with EDGE where it reached the start or end of its text. */
export function contextOf(prefix: string, suffix: string): { prefix: string; suffix: string } {
  return {
    prefix: prefix.length < CONTEXT_SIZE ? EDGE + fold(prefix) : fold(prefix),
    suffix: suffix.length < CONTEXT_SIZE ? fold(suffix) + EDGE : fold(suffix),
  };
}

/**
 * How well a prefix and a suffix (as contextOf makes them) agree with the folded text
 * around [fs, fe): 1 - edit distance / length, each compared outward from the place's
 * edge and free to end anywhere (a few characters of slack for insertions).
 */
function sides(f: string, fs: number, fe: number, p: string, s: string): { before: number; after: number } {
  return { before: sideBefore(f, fs, p), after: sideAfter(f, fe, s) };
}

export const SIDE_SLACK = 8;
export function sideBefore(f: string, fs: number, p: string): number {
  const pFrom = fs - p.length - SIDE_SLACK;
  const textBefore = (pFrom <= 0 ? EDGE : '') + f.slice(Math.max(0, pFrom), fs);
  return 1 - anchoredDistance(p, textBefore, true) / Math.max(1, p.length);
}
export function sideAfter(f: string, fe: number, s: string): number {
  const sTo = fe + s.length + SIDE_SLACK;
  const textAfter = f.slice(fe, sTo) + (sTo >= f.length ? EDGE : '');
  return 1 - anchoredDistance(s, textAfter, false) / Math.max(1, s.length);
}

/**
 * Whether `side` could agree (SIDE_AGREE) with the text `near` it, cheaply: each edit
 * spoils at most one of its disjoint 4-character chunks, so enough of them must occur in
 * `near` as they are. Never false for a side that agrees; mostly false for one that does not.
 */
export function mayAgree(side: string, near: string): boolean {
  const chunks = side.length >> 2;
  const need = chunks - Math.floor((1 - SIDE_AGREE) * side.length);
  // (A side reaching the edge of its text is compared with the edge marker: not here.)
  if (need <= 0 || side.includes(EDGE)) return true;
  let found = 0;
  for (let k = 0; k < chunks; k++) if (near.includes(side.slice(k * 4, k * 4 + 4)) && ++found >= need) return true;
  return false;
}

/** Occurrences of a very frequent short quote worth comparing: those whose adjacent characters agree best. */
const MAX_OCCURRENCES = 200;
function mostPromising(ix: TextIndex, query: Query, spots: Span[], oldAt: number): Span[] {
  if (spots.length <= MAX_OCCURRENCES) return spots;
  const f = ix.folded;
  const p = query.prefix;
  const s = query.suffix;
  const quick = (o: Span) => {
    let n = 0;
    while (n < p.length && o.fs - 1 - n >= 0 && f.charCodeAt(o.fs - 1 - n) === p.charCodeAt(p.length - 1 - n)) n++;
    let k = 0;
    while (k < s.length && o.fe + k < f.length && f.charCodeAt(o.fe + k) === s.charCodeAt(k)) k++;
    return n + k + (o.fs === oldAt ? 1000 : 0);
  };
  return spots
    .map((o) => ({ o, q: quick(o) }))
    .sort((a, b) => b.q - a.q)
    .slice(0, MAX_OCCURRENCES)
    .map((x) => x.o);
}

/** Whether folded offset `x` is inside or at the edge of a place (its own prefix meets its own suffix there only when the quote repeats its context). */
export const within = (c: Candidate, x: number) => x >= c.fs && x <= c.fe + 1;

/** Which sides of the old context are intact at a place: 1 prefix, 2 suffix, 3 both. */
export const intactSides = (c: Candidate) => (c.before === 1 ? 1 : 0) | (c.after === 1 ? 2 : 0);

/**
 * Whether a trace of the old context at folded [from, to) is explained by a sentence or
 * two inserted beside `place` on a side whose context changed: just before it when its
 * prefix changed, just after it when its suffix changed.
 */
function explainedByInsertion(place: Candidate, from: number, to: number): boolean {
  return (place.before < 1 && to <= place.fs && place.fs - to <= INSERTION_GAP) || (place.after < 1 && from >= place.fe && from - place.fe <= INSERTION_GAP);
}
