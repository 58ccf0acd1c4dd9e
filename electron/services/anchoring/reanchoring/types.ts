// What re-anchoring takes and gives: an anchor (with the text it was made on, when known)
// and where it landed.
import type { AnchorState } from '../../../../db/domain';

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
