// Choosing among the candidates: exact, moved, fuzzy (with a score) or orphaned — never
// silently wrong.
import { type Anchor, type Reanchored } from './types';
import { AMBIGUITY_PENALTY, DISTINCTIVE_WORDS, EMPTY_PLACE_PENALTY, FUZZY_MARGIN, LOOKALIKE_SIMILARITY, NEAR, TWIN_PENALTY } from './thresholds';
import { type TextIndex } from './textIndex';
import { type Candidate, type Query, intactSides, within } from './query';
import { type OldText, fitsTwin } from './oldText';
import type { AnchorState } from '../../../../db/domain';

function orphaned(anchor: Anchor, text: string, score: number | null): Reanchored {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, Number.isFinite(n) ? Math.trunc(n) : 0));
  const start = clamp(anchor.start);
  return { state: 'orphaned', start, end: Math.max(start, clamp(anchor.end)), score, quote: anchor.quote };
}

/**
 * Resolves one anchor. `shifts` are how far the text around the anchor's old place may
 * have moved (new offset - old offset): always 0, plus what the landmarks around it say.
 */
export function resolve(ix: TextIndex, query: Query, shifts: readonly number[], minFuzzy: number, old: OldText | null): Reanchored {
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
