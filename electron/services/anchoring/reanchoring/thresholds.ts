// The thresholds of re-anchoring, each with why it is what it is; chosen with `npm run
// bench:anchors` (tests/bench/anchors.ts).

/** Characters of context each side in a text-quote selector (quoteContext's default). */
export const CONTEXT_SIZE = 32;

/**
 * A side of the context (the 32 characters before, or after) "agrees" with a place when
 * its similarity (1 - edit distance / length, compared outward from the place's edge) is
 * at least this. A place needs one agreeing side to be considered the passage at all.
 * Measured: unrelated text scores 0.2–0.5; a sentence from the same template up to
 * ~0.85 (hence not lower); a side with one typo fixed ~0.95.
 */
export const SIDE_AGREE = 0.8;

/**
 * A place whose words are at least this similar to the quote counts as a look-alike
 * that could be the passage reworded in place (one word changed in a 40-character
 * sentence is ~0.8). Below it, a place is only ever a fuzzy candidate.
 */
export const LOOKALIKE_SIMILARITY = 0.7;

/**
 * A place within this many characters of where the passage is expected (its old offset,
 * shifted as much as the excerpts around it moved) is "near": one or two sentences
 * inserted or deleted before it.
 */
export const NEAR = 400;

/**
 * An old prefix found intact up to this far before a place whose own prefix changed (an
 * old suffix this far after it) is explained by a sentence or two inserted between them.
 */
export const INSERTION_GAP = 200;
/** Sides shorter than this (at the start or end of the text) are too common to be an old neighbourhood. */
export const RESIDUE_MIN = 16;
/** Characters of the old prefix's head plus the old suffix's tail that must meet to call a place empty. */
export const EMPTY_PLACE_MIN = 24;

/**
 * Fuzzy scores: similarity × (CTX_BASE + (1 - CTX_BASE) × context). Context carries 40%:
 * a reworded passage in its own place (context ≈ 1) keeps its text similarity, while a
 * look-alike sentence elsewhere (context ≈ 0.35) loses a quarter of it.
 */
export const CTX_BASE = 0.6;
/** A runner-up within this many points of the best fuzzy candidate makes it ambiguous... */
export const FUZZY_MARGIN = 0.1;
/** ...and a dead heat costs 30% of the score (the analyst is told there is a look-alike). */
export const AMBIGUITY_PENALTY = 0.3;
/**
 * When the passage's old place is still there but empty, a candidate elsewhere is more
 * likely a look-alike of a deleted passage: -30%. (Measured: -15% turns 6% more deleted
 * passages into fuzzy offers of a look-alike; a whole paragraph that moved leaves the
 * same trace and is then orphaned rather than offered, a price worth paying.)
 */
export const EMPTY_PLACE_PENALTY = 0.3;

/**
 * A fuzzy candidate whose context fits a twin of the passage (another occurrence of its
 * quote in the old text) better than the passage's own loses this share of its score.
 * Measured on the bench: with the passage still there, offers of a place other than its
 * own fall from 57 to 38 per 1,000 for a sentence inserted near it and from 50 to 27 for
 * one deleted near it; just as many are flagged.
 */
export const TWIN_PENALTY = 0.2;

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
export const DISTINCTIVE_WORDS = 8;

/** A word pair occurring more often than this says nothing about where a passage is. */
export const MAX_POSTINGS = 64;
/** Vote clusters aligned per excerpt (plus the old position). */
export const MAX_CLUSTERS = 4;
/** Share of prefix+quote+suffix word pairs a cluster needs to possibly be a look-alike. */
export const STRONG_VOTES = 1 / 3;
/** Alignments bigger than this (pattern × window cells) skip the traceback. */
export const MAX_TRACEBACK_CELLS = 4_000_000;
/**
 * Quotes longer than this (folded) are aligned by their head and tail only, and compared
 * word by word rather than character by character: a long excerpt costs (its words)², not
 * (its characters)², and its edges are all that locating it needs.
 */
export const LONG_QUOTE = 1000;
/** Characters of a long quote's head and tail aligned with the context. */
export const EDGE_CHARS = 200;
/** Quotes longer than this (folded) are only re-anchored exactly, never approximately. */
export const MAX_FUZZY_QUOTE = 100_000;
