// The text an anchor was made on: the twins of its quote there, and the alignment of old
// and new text that places a quote which is not unique.
import { CONTEXT_SIZE, SIDE_AGREE } from './thresholds';
import { fold } from './fold';
import { TextIndex, pairHash } from './textIndex';
import { type Candidate, type Query, SIDE_SLACK, type Span, contextOf, exactSpans, mayAgree, sideAfter, sideBefore } from './query';
import { quoteContext } from '../quote';

/** The context of another occurrence of the quote in the old text. */
interface Twin {
  prefix: string;
  suffix: string;
}

/** The text an anchor was made on: where else its quote occurred there. */
export class OldText {
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
export function fitsTwin(query: Query, c: Candidate, twin: Twin): boolean {
  // A side the passage's own context fits exactly cannot be fitted better; the rest is
  // compared only where it may agree at all (boilerplate has hundreds of twins).
  const f = query.folded;
  const window = (from: number, to: number) => f.slice(Math.max(0, from), Math.min(f.length, to));
  const better = (twinSide: number, own: number) => twinSide >= SIDE_AGREE && twinSide > own;
  if (c.before < 1 && mayAgree(twin.prefix, window(c.fs - twin.prefix.length - SIDE_SLACK, c.fs)) && better(sideBefore(f, c.fs, twin.prefix), c.before)) return true;
  return c.after < 1 && mayAgree(twin.suffix, window(c.fe, c.fe + twin.suffix.length + SIDE_SLACK)) && better(sideAfter(f, c.fe, twin.suffix), c.after);
}
