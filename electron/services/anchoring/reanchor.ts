// Re-anchoring an excerpt when its source gets a new version of its text.
//
// An anchor carries a text-position selector (start, end) and a text-quote selector
// (quote, prefix, suffix: 32 characters each side, W3C Web Annotation). Against the new
// text it resolves to exactly one state:
//   exact    the quote is still at the same offsets, character for character;
//   moved    the same words (up to findQuote's folding: whitespace runs, quote and dash
//            variants) are elsewhere, and nothing else in the text could be the passage;
//   fuzzy    an approximate or uncertain match, with a score for the analyst to confirm;
//   orphaned nothing good enough; the excerpt keeps its old quote.
// The rule: an excerpt is never silently attached to the wrong passage. Repeated text
// (boilerplate, a paragraph repeated with one number changed) makes "the same words
// elsewhere" weak evidence, so `moved` needs a single most economical explanation:
//
//   Each place that could be the passage (the exact words, or a look-alike one or two
//   words away, with at least one side of the context agreeing) is charged one change for
//   each of: its words differ from the quote; its prefix differs from the old prefix; its
//   suffix differs; it is far from where the passage is expected (the old offset, or
//   shifted as far as the excerpts around it moved). `moved` needs the exact words, at
//   most one change, and every other place costlier both in all and in words and context
//   alone: distance is a prior and never the only thing that separates two places
//   (except that identical characters at the very old offsets beat a place that keeps the
//   other side of the context). So a sentence inserted beside the passage costs one (that
//   side), a paragraph moved with the passage inside it costs one (distance), and a
//   passage deleted while a copy survives elsewhere costs two, or ties with the truth.
//   Either way it is flagged.
//
// Two more checks catch a deleted passage whose look-alike would otherwise look cheap: its
// old place still there but empty (the old prefix running straight into the old suffix),
// and its old neighbourhood (a side of the old context, intact) nearer the expected place
// than the winner, not explained by a sentence inserted beside the winner.
//
// When the whole text the anchor was made on is known (the app always knows it: versions
// are kept), two more rules apply:
//   - a quote that occurred once in the old text and occurs once in the new one is the
//     passage, whatever its surroundings now are (a paragraph moved, the passage with it):
//     new text does not reproduce a passage word for word. A quote under DISTINCTIVE_WORDS
//     words also needs one side of its old context, since a few words can be written anew;
//   - a quote that is not unique (twins, boilerplate, a copy added) is placed by the
//     texts aligned around it: the word 4-grams unique in both texts, chained in order,
//     pin the stretch around the passage in both; if that stretch holds the quote as
//     often in the new text as in the old, and no text moved into or out of it, the
//     passage is the occurrence of the same rank (Alignment, OldText.placeByAlignment);
//     Every twin's own stretch must keep its count too: a paragraph of nothing but
//     boilerplate, moved, shows no unique 4-gram of its own;
//   - a quote that had twins is `moved` by alignment or not at all (then it is fuzzy): a
//     twin slid into the place of a deleted or moved passage keeps one side of its
//     context, exactly as the passage does beside an inserted sentence, and 32 characters
//     of context alone cannot tell them apart. A fuzzy place whose context fits a twin
//     better than the passage is offered at a lower score (TWIN_PENALTY).

// How: the new text is folded once (whitespace runs to one space, quote and dash variants
// to one character each, with a map back to the original offsets) and indexed by word
// pairs (a sorted array of hash|position keys). Exact occurrences come from the quote's
// rarest inner word pair; approximate candidates from the word pairs of
// prefix+quote+suffix voting for where the quote starts, then aligning prefix+quote+suffix
// (edit distance, free ends) in a small window around each vote cluster. The work per
// excerpt depends on its quote's length and a few candidates, not on the text's length
// (except quotes under four words, found by a linear scan of the folded text).
//
// The thresholds below were chosen with `npm run bench:anchors` (tests/bench/anchors.ts).

import type { AnchorState } from '../../../db/domain';
import { quoteContext } from './quote';
import { APOSTROPHES, DASHES, DOUBLE_QUOTES } from '../../../common/punctuation';

export type { AnchorState };

export interface Anchor {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  /**
   * The whole text the anchor was made on (its version), when known. It tells whether the
   * quote was unique there (then the same words found once in the new text are the
   * passage, however its surroundings changed) or had twins (then a place whose context
   * fits a twin as well as the passage is not proof of anything).
   */
  oldText?: string;
}

export interface Reanchored {
  state: AnchorState;
  start: number;
  end: number;
  /** 1 for exact and moved; the confidence in (0, 1) for fuzzy; for orphaned, the best rejected score or null. */
  score: number | null;
  /** The new text's characters at [start, end) — or, for orphaned, the old quote (start/end: the old offsets, clamped). */
  quote: string;
}

export interface ReanchorOptions {
  /** A fuzzy match scoring below this is orphaned instead. Default DEFAULT_MIN_FUZZY_SCORE. */
  minFuzzyScore?: number;
}

/** Characters of context each side in a text-quote selector (quoteContext's default). */
const CONTEXT_SIZE = 32;

/**
 * A side of the context (the 32 characters before, or after) "agrees" with a place when
 * its similarity (1 - edit distance / length, compared outward from the place's edge) is
 * at least this. A place needs one agreeing side to be considered the passage at all.
 * Measured: unrelated text scores 0.2–0.5; a sentence from the same template up to
 * ~0.85 (hence not lower); a side with one typo fixed ~0.95.
 */
const SIDE_AGREE = 0.8;

/**
 * A place whose words are at least this similar to the quote counts as a look-alike
 * that could be the passage reworded in place (one word changed in a 40-character
 * sentence is ~0.8). Below it, a place is only ever a fuzzy candidate.
 */
const LOOKALIKE_SIMILARITY = 0.7;

/**
 * A place within this many characters of where the passage is expected (its old offset,
 * shifted as much as the excerpts around it moved) is "near": one or two sentences
 * inserted or deleted before it.
 */
const NEAR = 400;

/**
 * An old prefix found intact up to this far before a place whose own prefix changed (an
 * old suffix this far after it) is explained by a sentence or two inserted between them.
 */
const INSERTION_GAP = 200;
/** Sides shorter than this (at the start or end of the text) are too common to be an old neighbourhood. */
const RESIDUE_MIN = 16;
/** Characters of the old prefix's head plus the old suffix's tail that must meet to call a place empty. */
const EMPTY_PLACE_MIN = 24;

/**
 * Fuzzy scores: similarity × (CTX_BASE + (1 - CTX_BASE) × context). Context carries 40%:
 * a reworded passage in its own place (context ≈ 1) keeps its text similarity, while a
 * look-alike sentence elsewhere (context ≈ 0.35) loses a quarter of it.
 */
const CTX_BASE = 0.6;
/** A runner-up within this many points of the best fuzzy candidate makes it ambiguous... */
const FUZZY_MARGIN = 0.1;
/** ...and a dead heat costs 30% of the score (the analyst is told there is a look-alike). */
const AMBIGUITY_PENALTY = 0.3;
/**
 * When the passage's old place is still there but empty, a candidate elsewhere is more
 * likely a look-alike of a deleted passage: -30%. (Measured: -15% turns 6% more deleted
 * passages into fuzzy offers of a look-alike; a whole paragraph that moved leaves the
 * same trace and is then orphaned rather than offered, a price worth paying.)
 */
const EMPTY_PLACE_PENALTY = 0.3;

/**
 * A fuzzy candidate whose context fits a twin of the passage (another occurrence of its
 * quote in the old text) better than the passage's own loses this share of its score.
 * Measured on the bench: with the passage still there, offers of a place other than its
 * own fall from 57 to 38 per 1,000 for a sentence inserted near it and from 50 to 27 for
 * one deleted near it; just as many are flagged.
 */
const TWIN_PENALTY = 0.2;

/**
 * Below this a fuzzy match is orphaned. Measured on the bench: a lightly reworded passage
 * (1–2 words) scores 0.6–0.99 (median 0.9); for a deleted passage the best rejected
 * candidate scores 0.3 (median; p90 0.5). At 0.5, 0.4% more reworded passages would be
 * offered, but 13% more deleted ones would be offered a look-alike instead of orphaned.
 */
export const DEFAULT_MIN_FUZZY_SCORE = 0.6;

/**
 * A quote of at least this many words that was unique in the old text and is unique in the
 * new one is the passage even with both sides of its context changed (a whole paragraph
 * moved); a shorter one also needs one side of its old context.
 */
const DISTINCTIVE_WORDS = 8;

/** A word pair occurring more often than this says nothing about where a passage is. */
const MAX_POSTINGS = 64;
/** Vote clusters aligned per excerpt (plus the old position). */
const MAX_CLUSTERS = 4;
/** Share of prefix+quote+suffix word pairs a cluster needs to possibly be a look-alike. */
const STRONG_VOTES = 1 / 3;
/** Alignments bigger than this (pattern × window cells) skip the traceback. */
const MAX_TRACEBACK_CELLS = 4_000_000;
/**
 * Quotes longer than this (folded) are aligned by their head and tail only, and compared
 * word by word rather than character by character: a long excerpt costs (its words)², not
 * (its characters)², and its edges are all that locating it needs.
 */
const LONG_QUOTE = 1000;
/** Characters of a long quote's head and tail aligned with the context. */
const EDGE_CHARS = 200;
/** Quotes longer than this (folded) are only re-anchored exactly, never approximately. */
const MAX_FUZZY_QUOTE = 100_000;

// ---------------------------------------------------------------------------------------
// Folding, exactly as findQuote matches (quote.ts): a run of \s (Unicode) matches any
// run, and each quote/dash variant matches the others — the sets are quote.ts's own.


const SPACE = new Uint8Array(0x10000);
const WORD = new Uint8Array(0x10000);
const CANON = new Uint16Array(0x10000);
{
  const space = /\s/u;
  const word = /[\p{L}\p{N}\p{M}_]/u;
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    SPACE[c] = space.test(ch) ? 1 : 0;
    // Surrogates are halves of astral characters: count them as word characters.
    WORD[c] = (c >= 0xd800 && c <= 0xdfff) || word.test(ch) ? 1 : 0;
    CANON[c] = c;
  }
  for (const ch of APOSTROPHES) CANON[ch.charCodeAt(0)] = 0x27;
  for (const ch of DOUBLE_QUOTES) CANON[ch.charCodeAt(0)] = 0x22;
  for (const ch of DASHES) CANON[ch.charCodeAt(0)] = 0x2d;
}

/** Stands for the start or end of the text in a context comparison. */
const EDGE = '\u0000';

function codesToString(codes: Uint16Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 8192) out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + 8192)) as unknown as number[]);
  return out;
}

/** Folded text and, for each folded character, its offset in the original. */
function foldWithMap(text: string): { folded: string; map: Int32Array } {
  const codes = new Uint16Array(text.length);
  const map = new Int32Array(text.length);
  let k = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (SPACE[c]) {
      if (inSpace) continue;
      inSpace = true;
      codes[k] = 0x20;
    } else {
      inSpace = false;
      codes[k] = CANON[c];
    }
    map[k++] = i;
  }
  return { folded: codesToString(codes, k), map: map.subarray(0, k) };
}

function fold(text: string): string {
  let out = '';
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (SPACE[c]) {
      if (!inSpace) out += ' ';
      inSpace = true;
    } else {
      inSpace = false;
      out += String.fromCharCode(CANON[c]);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Word-pair index of the folded text.

function tokenHash(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c |= 0x20; // case changes should not hide a passage
    h = Math.imul(h ^ c, 16777619);
  }
  return h >>> 0;
}

const pairHash = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca6b)) >>> 0;

interface Tokens {
  start: Int32Array;
  end: Int32Array;
  count: number;
}

function tokenize(s: string): Tokens {
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && s.charCodeAt(i) === 0x20) i++;
    if (i >= s.length) break;
    const b = i;
    while (i < s.length && s.charCodeAt(i) !== 0x20) i++;
    start.push(b);
    end.push(i);
  }
  return { start: Int32Array.from(start), end: Int32Array.from(end), count: start.length };
}

class TextIndex {
  readonly folded: string;
  readonly map: Int32Array;
  private tokens?: Tokens;
  private hashes?: Uint32Array;
  private keys?: Float64Array;
  private posScale = 1;
  private hashShift = 0;

  constructor(readonly text: string) {
    const f = foldWithMap(text);
    this.folded = f.folded;
    this.map = f.map;
  }

  /** Original [start, end) of the folded span [fs, fe). */
  toOriginal(fs: number, fe: number): { start: number; end: number } {
    if (fe <= fs) {
      const at = fs < this.map.length ? this.map[fs] : this.text.length;
      return { start: at, end: at };
    }
    return { start: this.map[fs], end: this.map[fe - 1] + 1 };
  }

  /** The folded offset of an original offset (the first folded character at or after it). */
  toFolded(offset: number): number {
    let lo = 0;
    let hi = this.map.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.map[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get tokenStarts(): Int32Array {
    this.build();
    return this.tokens!.start;
  }

  private build(): void {
    if (this.keys) return;
    const t = tokenize(this.folded);
    const hashes = new Uint32Array(t.count);
    for (let j = 0; j < t.count; j++) hashes[j] = tokenHash(this.folded, t.start[j], t.end[j]);
    // Keys pack (pair hash, token position) into one exactly representable double so a
    // single typed-array sort builds the index: 53 bits = hash bits + position bits.
    const posBits = Math.max(1, Math.ceil(Math.log2(t.count + 1)));
    const hashBits = Math.min(32, 53 - posBits);
    this.posScale = 2 ** posBits;
    this.hashShift = 32 - hashBits;
    const keys = new Float64Array(Math.max(0, t.count - 1));
    for (let j = 0; j + 1 < t.count; j++) keys[j] = this.hashPart(pairHash(hashes[j], hashes[j + 1])) * this.posScale + j;
    keys.sort();
    this.tokens = t;
    this.hashes = hashes;
    this.keys = keys;
  }

  /** The folded text's tokens (words between spaces) and their hashes. */
  get tokenList(): Tokens & { hashes: Uint32Array } {
    this.build();
    return { ...this.tokens!, hashes: this.hashes! };
  }

  private hashPart(h: number): number {
    return this.hashShift === 0 ? h : Math.floor(h / 2 ** this.hashShift);
  }

  /** Token positions j where tokens j, j+1 hash like the pair `h`; null when more than `cap`. */
  postings(h: number, cap: number): number[] | null {
    this.build();
    const keys = this.keys!;
    const base = this.hashPart(h) * this.posScale;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < base) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let k = lo; k < keys.length && keys[k] < base + this.posScale; k++) {
      if (out.length >= cap) return null;
      out.push(keys[k] - base);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------
// Edit distances. One scratch buffer, grown on demand (the module is synchronous).

let scratch = new Int32Array(1 << 16);
function buffer(size: number): Int32Array {
  if (scratch.length < size) scratch = new Int32Array(Math.max(size, scratch.length * 2));
  return scratch;
}

/** Levenshtein distance. */
function levenshtein(a: string, b: string): number {
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
function wordDistance(a: readonly string[], b: readonly string[]): number {
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
function anchoredDistance(pattern: string, w: string, fromEnd: boolean): number {
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
function alignSpan(pattern: string, w: string, from: number, to: number, expectedEnd: number): { start: number; end: number } {
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

// ---------------------------------------------------------------------------------------
// One excerpt.

interface Span {
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

interface Candidate extends Span {
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
function exactSpans(ix: TextIndex, q: string): Span[] {
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

class Query {
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
function contextOf(prefix: string, suffix: string): { prefix: string; suffix: string } {
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

const SIDE_SLACK = 8;
function sideBefore(f: string, fs: number, p: string): number {
  const pFrom = fs - p.length - SIDE_SLACK;
  const textBefore = (pFrom <= 0 ? EDGE : '') + f.slice(Math.max(0, pFrom), fs);
  return 1 - anchoredDistance(p, textBefore, true) / Math.max(1, p.length);
}
function sideAfter(f: string, fe: number, s: string): number {
  const sTo = fe + s.length + SIDE_SLACK;
  const textAfter = f.slice(fe, sTo) + (sTo >= f.length ? EDGE : '');
  return 1 - anchoredDistance(s, textAfter, false) / Math.max(1, s.length);
}

/**
 * Whether `side` could agree (SIDE_AGREE) with the text `near` it, cheaply: each edit
 * spoils at most one of its disjoint 4-character chunks, so enough of them must occur in
 * `near` as they are. Never false for a side that agrees; mostly false for one that does not.
 */
function mayAgree(side: string, near: string): boolean {
  const chunks = side.length >> 2;
  const need = chunks - Math.floor((1 - SIDE_AGREE) * side.length);
  // (A side reaching the edge of its text is compared with the edge marker: not here.)
  if (need <= 0 || side.includes(EDGE)) return true;
  let found = 0;
  for (let k = 0; k < chunks; k++) if (near.includes(side.slice(k * 4, k * 4 + 4)) && ++found >= need) return true;
  return false;
}

/** The context of another occurrence of the quote in the old text. */
interface Twin {
  prefix: string;
  suffix: string;
}

/** The text an anchor was made on: where else its quote occurred there. */
class OldText {
  private index?: TextIndex;
  private alignments = new WeakMap<TextIndex, Alignment>();
  constructor(readonly text: string) {}

  /** Folded and indexed on first use: most excerpts never need it. */
  get ix(): TextIndex {
    return (this.index ??= new TextIndex(this.text));
  }

  /** This text aligned with a new one (built once per pair). */
  alignedWith(to: TextIndex): Alignment {
    let a = this.alignments.get(to);
    if (!a) this.alignments.set(to, (a = new Alignment(this.ix, to)));
    return a;
  }

  /**
   * The contexts of the quote's other occurrences in the old text (none: it was unique);
   * null when the anchor does not fit this text (its quote is not at its offsets), so
   * nothing can be concluded from it.
   */
  twinsOf(query: Query): Twin[] | null {
    const { anchor } = query;
    if (fold(this.text.slice(anchor.start, anchor.end)).trim() !== query.quote) return null;
    const own = this.ix.toFolded(anchor.start);
    const twins: Twin[] = [];
    let ownSeen = false;
    for (const o of exactSpans(this.ix, query.quote)) {
      const { start, end } = this.ix.toOriginal(o.fs, o.fe);
      // The anchor's own occurrence (folding may trim leading space off its offsets).
      if (!ownSeen && Math.abs(o.fs - own) <= 1) {
        ownSeen = true;
        continue;
      }
      const context = quoteContext(this.text, start, end, CONTEXT_SIZE);
      twins.push(contextOf(context.prefix, context.suffix));
    }
    return ownSeen ? twins : null;
  }

  /**
   * The passage's place in the new text by alignment (null: the alignment cannot say):
   * the stretch around it between two aligned links holds the quote as many times in the
   * new text as in the old, so the passage is the occurrence at the same rank (a twin in
   * the same stretch keeps its rank; a twin elsewhere is outside it). Any edit that adds
   * or removes an occurrence in the stretch — the passage deleted or reworded — changes
   * the count, and then nothing is concluded.
   */
  placeByAlignment(query: Query, to: TextIndex): Candidate | null {
    const own = this.ix.toFolded(query.anchor.start);
    const q = query.quote;
    const alignment = this.alignedWith(to);
    const oldLength = this.ix.folded.length;
    const newLength = to.folded.length;
    const before = exactSpans(this.ix, q);
    const now = exactSpans(to, q);
    if (before.length > MAX_ALIGNED_TWINS) return null;
    const inStretch = (list: Span[], from: number, end: number) => list.filter((o) => o.fs >= from && o.fe <= end);
    const st = alignment.stretch(own, own + q.length, oldLength, newLength);
    // Text that moved in could be a twin taking the place of a deleted passage; text that
    // moved out could have taken the passage with it.
    if (!alignment.closed(st)) return null;
    const mine = inStretch(before, st.oldFrom, st.oldTo);
    const rank = mine.findIndex((o) => Math.abs(o.fs - own) <= 1);
    const theirs = inStretch(now, st.newFrom, st.newTo);
    if (rank < 0 || theirs.length !== mine.length) return null;
    // Every twin's own stretch keeps its count too: a twin that left its stretch (a
    // paragraph of nothing but boilerplate, moved, shows no unique 4-gram of its own) may
    // be the one standing in this stretch now.
    for (const o of before) {
      if (o.fs >= st.oldFrom && o.fe <= st.oldTo) continue;
      const t = alignment.stretch(o.fs, o.fe, oldLength, newLength);
      if (inStretch(before, t.oldFrom, t.oldTo).length !== inStretch(now, t.newFrom, t.newTo).length) return null;
    }
    return query.candidate(theirs[rank].fs, theirs[rank].fe, true);
  }
}

/** Beyond this many occurrences of a quote, alignment does not try to tell them apart. */
const MAX_ALIGNED_TWINS = 1000;

/** Word 4-grams: rare enough to be unique in a text, short enough to survive nearby edits. */
const SHINGLE = 4;

/**
 * The old text aligned with the new one: the word 4-grams that occur exactly once in each,
 * reduced to the longest chain in the same order in both (text moved elsewhere drops out).
 * Each link pins a place of the old text to its place in the new one, so the stretch
 * between two links around a passage is the same stretch in both texts, whatever was
 * edited inside it.
 */
class Alignment {
  /** Folded offsets, in old-text order: where each link starts and ends, old and new. */
  private readonly oldStart: Int32Array;
  private readonly oldEnd: Int32Array;
  private readonly newStart: Int32Array;
  private readonly newEnd: Int32Array;
  private readonly pairsByNew: [number, number][];
  private readonly pairsByOld: [number, number][];

  constructor(from: TextIndex, to: TextIndex) {
    const a = from.tokenList;
    const b = to.tokenList;
    const shingles = (t: typeof a) => {
      const first = new Map<number, number>(); // hash -> token position, -1 when repeated
      for (let j = 0; j + SHINGLE <= t.count; j++) {
        const h = pairHash(pairHash(t.hashes[j], t.hashes[j + 1]), pairHash(t.hashes[j + 2], t.hashes[j + 3]));
        first.set(h, first.has(h) ? -1 : j);
      }
      return first;
    };
    const inOld = shingles(a);
    const inNew = shingles(b);
    const pairs: [number, number][] = [];
    for (const [h, j] of inOld) {
      const k = inNew.get(h);
      if (j >= 0 && k !== undefined && k >= 0) pairs.push([j, k]);
    }
    pairs.sort((x, y) => x[0] - y[0]);
    const chain = longestIncreasing(pairs);
    // Every unique pair (chained or not), by new position then by old: text that moved
    // into or out of a stretch shows as a pair with one end in it and the other outside.
    this.pairsByNew = pairs.map(([j, k]) => [b.start[k], a.start[j]] as [number, number]).sort((x, y) => x[0] - y[0]);
    this.pairsByOld = pairs.map(([j, k]) => [a.start[j], b.start[k]] as [number, number]);
    this.oldStart = Int32Array.from(chain, ([j]) => a.start[j]);
    this.oldEnd = Int32Array.from(chain, ([j]) => a.end[j + SHINGLE - 1]);
    this.newStart = Int32Array.from(chain, ([, k]) => b.start[k]);
    this.newEnd = Int32Array.from(chain, ([, k]) => b.end[k + SHINGLE - 1]);
  }

  /**
   * Whether nothing moved into or out of a stretch: every unique 4-gram inside it in one
   * text is inside it in the other.
   */
  closed(st: { oldFrom: number; oldTo: number; newFrom: number; newTo: number }): boolean {
    return staysInside(this.pairsByNew, st.newFrom, st.newTo, st.oldFrom, st.oldTo) && staysInside(this.pairsByOld, st.oldFrom, st.oldTo, st.newFrom, st.newTo);
  }

  /**
   * The stretch around old folded span [fs, fe) between the nearest links wholly before
   * and wholly after it, in the old text and in the new (the text's ends where there is
   * no link).
   */
  stretch(fs: number, fe: number, oldLength: number, newLength: number): { oldFrom: number; oldTo: number; newFrom: number; newTo: number } {
    let lo = 0;
    let hi = this.oldStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.oldStart[mid] < fe) lo = mid + 1;
      else hi = mid;
    }
    const after = lo; // first link starting at or after fe
    let before = after - 1;
    while (before >= 0 && this.oldEnd[before] > fs) before--;
    return {
      oldFrom: before >= 0 ? this.oldEnd[before] : 0,
      oldTo: after < this.oldStart.length ? this.oldStart[after] : oldLength,
      newFrom: before >= 0 ? this.newEnd[before] : 0,
      newTo: after < this.oldStart.length ? this.newStart[after] : newLength,
    };
  }
}

/** Whether every pair whose first lies in [from, to) has its second in [otherFrom, otherTo) (pairs sorted by first). */
function staysInside(pairs: readonly [number, number][], from: number, to: number, otherFrom: number, otherTo: number): boolean {
  let lo = 0;
  let hi = pairs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pairs[mid][0] < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < pairs.length && pairs[i][0] < to; i++) if (pairs[i][1] < otherFrom || pairs[i][1] >= otherTo) return false;
  return true;
}

/** The longest run of `pairs` (sorted by their first) whose seconds increase too. */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = []; // index into pairs of the smallest tail of each length
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let i = 0; i < pairs.length; i++) {
    const v = pairs[i][1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pairs[tails[mid]][1] < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const out: [number, number][] = [];
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) out.push(pairs[i]);
  return out.reverse();
}

/**
 * Whether a place fits a twin of the passage (another occurrence of its quote in the old
 * text) on a side where it does not fit the passage's own context: then its words and
 * context prove it is a copy of the quote, not which one.
 */
function fitsTwin(query: Query, c: Candidate, twin: Twin): boolean {
  // A side the passage's own context fits exactly cannot be fitted better; the rest is
  // compared only where it may agree at all (boilerplate has hundreds of twins).
  const f = query.folded;
  const window = (from: number, to: number) => f.slice(Math.max(0, from), Math.min(f.length, to));
  const better = (twinSide: number, own: number) => twinSide >= SIDE_AGREE && twinSide > own;
  if (c.before < 1 && mayAgree(twin.prefix, window(c.fs - twin.prefix.length - SIDE_SLACK, c.fs)) && better(sideBefore(f, c.fs, twin.prefix), c.before)) return true;
  return c.after < 1 && mayAgree(twin.suffix, window(c.fe, c.fe + twin.suffix.length + SIDE_SLACK)) && better(sideAfter(f, c.fe, twin.suffix), c.after);
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
const within = (c: Candidate, x: number) => x >= c.fs && x <= c.fe + 1;

/** Which sides of the old context are intact at a place: 1 prefix, 2 suffix, 3 both. */
const intactSides = (c: Candidate) => (c.before === 1 ? 1 : 0) | (c.after === 1 ? 2 : 0);

/**
 * Whether a trace of the old context at folded [from, to) is explained by a sentence or
 * two inserted beside `place` on a side whose context changed: just before it when its
 * prefix changed, just after it when its suffix changed.
 */
function explainedByInsertion(place: Candidate, from: number, to: number): boolean {
  return (place.before < 1 && to <= place.fs && place.fs - to <= INSERTION_GAP) || (place.after < 1 && from >= place.fe && from - place.fe <= INSERTION_GAP);
}

function orphaned(anchor: Anchor, text: string, score: number | null): Reanchored {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, Number.isFinite(n) ? Math.trunc(n) : 0));
  const start = clamp(anchor.start);
  return { state: 'orphaned', start, end: Math.max(start, clamp(anchor.end)), score, quote: anchor.quote };
}

/**
 * Resolves one anchor. `shifts` are how far the text around the anchor's old place may
 * have moved (new offset - old offset): always 0, plus what the landmarks around it say.
 */
function resolve(ix: TextIndex, query: Query, shifts: readonly number[], minFuzzy: number, old: OldText | null): Reanchored {
  const text = ix.text;
  const anchor = query.anchor;
  if (query.quote.length === 0) return orphaned(anchor, text, null);
  const located = (c: Candidate, state: AnchorState, score: number): Reanchored => ({ state, start: c.start, end: c.end, score, quote: text.slice(c.start, c.end) });
  const isSame = (c: Candidate) => c.start === anchor.start && c.end === anchor.end && text.slice(c.start, c.end) === anchor.quote;
  const distance = (offset: number) => Math.min(...shifts.map((d) => Math.abs(offset - (anchor.start + d))));

  const occurrences = query.occurrences();

  // exact: the very characters at the very offsets with both sides of the context intact.
  // The position is then evidence enough: a copy elsewhere with as good a context does not
  // outweigh it. With one side changed (a typo fixed, a sentence inserted right after),
  // the old offsets still break a tie with other places — but not when both sides changed.
  const same = occurrences.find(isSame);
  if (same && same.before === 1 && same.after === 1) return located(same, 'exact', 1);
  const twins = old?.twinsOf(query) ?? null;

  // moved, by uniqueness: the quote occurred once in the old text and occurs once in the
  // new one. Text that was not there before does not reproduce a passage word for word,
  // so this is the passage wherever its paragraph went and whatever now surrounds it; a
  // short quote (a few common words could be rewritten anew) needs one side of its old
  // context too.
  if (twins && twins.length === 0 && occurrences.length === 1) {
    const only = occurrences[0];
    if (only.plausible || query.words >= DISTINCTIVE_WORDS) return located(only, isSame(only) ? 'exact' : 'moved', 1);
  }

  // moved, by alignment: where the quote is not unique (twins, boilerplate, a copy added),
  // the stretch of text around the passage, pinned in both texts, says which occurrence
  // it is (OldText.placeByAlignment).
  if (twins && old) {
    const placed = old.placeByAlignment(query, ix);
    if (placed && !twins.some((t) => fitsTwin(query, placed, t))) return located(placed, isSame(placed) ? 'exact' : 'moved', 1);
  }

  // moved: the single most economical place (see the header), with the exact words.
  const emptyPlaces = query.emptyPlaces();
  const lookalikes = query.approximate(occurrences, true);
  // Content evidence first (words, prefix, suffix), then distance: distance alone never
  // decides between two places whose words and context tell them apart no better.
  const content = (c: Candidate) => +(c.similarity < 1) + +(c.before < 1) + +(c.after < 1);
  const places = [...occurrences, ...lookalikes.filter((c) => c.similarity >= LOOKALIKE_SIMILARITY)]
    .filter((c) => c.plausible)
    .map((c) => ({ c, content: content(c), cost: content(c) + +(distance(c.start) > NEAR) }))
    .sort((a, b) => a.cost - b.cost || a.content - b.content);
  const best = places[0];
  if (
    best &&
    best.c.similarity === 1 &&
    best.cost <= 1 &&
    places.every((p) => p === best || (p.cost > best.cost && (p.content > best.content || (isSame(best.c) && intactSides(best.c) !== 0 && (intactSides(best.c) & intactSides(p.c)) === 0)))) &&
    !emptyPlaces.some((x) => !within(best.c, x)) &&
    !query.oldNeighbourhoodElsewhere(best.c, distance) &&
    // With the old text at hand, a quote that had twins is placed by alignment or not at
    // all: one side of its context is no proof when a twin may have moved in beside it.
    !(twins && twins.length > 0)
  ) {
    return located(best.c, isSame(best.c) ? 'exact' : 'moved', 1);
  }

  // fuzzy: the best candidate of all, its score lowered when a runner-up is close or when
  // the passage's old place is still there, empty.
  // A place that fits a twin of the passage better than the passage itself is more likely
  // the twin: it is offered at a lower score, so a place of the passage's own comes first.
  const twinLike = (c: Candidate) => !!twins?.some((t) => fitsTwin(query, c, t));
  const all = [...occurrences, ...query.approximate(occurrences, false)]
    .map((c) => ({ ...c, combined: twinLike(c) ? c.combined * (1 - TWIN_PENALTY) : c.combined }))
    .sort((a, b) => b.combined - a.combined);
  const top = all[0];
  if (!top) return orphaned(anchor, text, null);
  const gap = all.length > 1 ? top.combined - all[1].combined : Infinity;
  let score = top.combined;
  if (gap < FUZZY_MARGIN) score *= 1 - AMBIGUITY_PENALTY * (1 - gap / FUZZY_MARGIN);
  if (emptyPlaces.some((x) => !within(top, x))) score *= 1 - EMPTY_PLACE_PENALTY;
  score = Math.min(0.99, Math.round(score * 1000) / 1000);
  if (score < minFuzzy || score <= 0) return orphaned(anchor, text, score > 0 ? score : null);
  return located(top, 'fuzzy', score);
}

// A single-entry cache, so calling reanchor() for each excerpt of one new version folds
// and indexes the text once.
let cached: TextIndex | null = null;
function indexFor(text: string): TextIndex {
  if (!cached || cached.text !== text) cached = new TextIndex(text);
  return cached;
}

/**
 * Re-anchors one excerpt against a source's new text. Prefer reanchorAll for all the
 * excerpts of a source: they tell each other how far the text around them moved.
 */
export function reanchor(anchor: Anchor, newText: string, options: ReanchorOptions = {}): Reanchored {
  const ix = indexFor(newText);
  return resolve(ix, new Query(ix, anchor), [0], options.minFuzzyScore ?? DEFAULT_MIN_FUZZY_SCORE, anchor.oldText === undefined ? null : new OldText(anchor.oldText));
}

/**
 * Re-anchors every excerpt of a source against its new text: one fold and index for all,
 * and the excerpts that are certainly found (a single occurrence, both sides of context
 * intact) tell the others how far the text around them moved — so a passage far from its
 * old offset is still "near" when its neighbours moved as far.
 */
export function reanchorAll(anchors: readonly Anchor[], newText: string, options: ReanchorOptions = {}): Reanchored[] {
  const ix = new TextIndex(newText);
  const minFuzzy = options.minFuzzyScore ?? DEFAULT_MIN_FUZZY_SCORE;
  const queries = anchors.map((a) => new Query(ix, a));
  // One index per old text (the excerpts of a source were mostly made on the same version).
  const olds = new Map<string, OldText>();
  const oldOf = (a: Anchor) => {
    if (a.oldText === undefined) return null;
    let o = olds.get(a.oldText);
    if (!o) olds.set(a.oldText, (o = new OldText(a.oldText)));
    return o;
  };
  const landmarks: { at: number; shift: number; i: number }[] = [];
  queries.forEach((q, i) => {
    const occ = q.occurrences();
    if (occ.length === 1 && occ[0].before === 1 && occ[0].after === 1) landmarks.push({ at: q.anchor.start, shift: occ[0].start - q.anchor.start, i });
  });
  landmarks.sort((a, b) => a.at - b.at);
  return queries.map((q, i) => {
    // The nearest landmarks before and after the old place, other than this excerpt itself
    // (edits between them moved the place by something in between).
    let lo = 0;
    let hi = landmarks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (landmarks[mid].at < q.anchor.start) lo = mid + 1;
      else hi = mid;
    }
    let before = lo - 1;
    while (before >= 0 && landmarks[before].i === i) before--;
    let after = lo;
    while (after < landmarks.length && landmarks[after].i === i) after++;
    const shifts = [landmarks[before]?.shift, landmarks[after]?.shift].filter((d): d is number => d !== undefined);
    return resolve(ix, q, [0, ...shifts], minFuzzy, oldOf(q.anchor));
  });
}
