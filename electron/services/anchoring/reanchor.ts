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
// The thresholds (reanchoring/thresholds.ts) were chosen with `npm run bench:anchors`
// (tests/bench/anchors.ts).
//
// This file is the entry point; the pieces, by concern, are in ./reanchoring/: types,
// thresholds, fold (the folded text and its offset map), textIndex (word pairs),
// editDistance, query (one excerpt's candidates), oldText (twins and alignment with the
// text the anchor was made on), resolve (the decision).
import type { Anchor, ReanchorOptions, Reanchored } from './reanchoring/types';
import { DEFAULT_MIN_FUZZY_SCORE } from './reanchoring/thresholds';
import { TextIndex } from './reanchoring/textIndex';
import { Query } from './reanchoring/query';
import { OldText } from './reanchoring/oldText';
import { resolve } from './reanchoring/resolve';

export type { Anchor, AnchorState, Reanchored, ReanchorOptions } from './reanchoring/types';
export { DEFAULT_MIN_FUZZY_SCORE } from './reanchoring/thresholds';

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
