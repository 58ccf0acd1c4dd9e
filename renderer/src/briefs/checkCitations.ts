// A citation's status against the excerpt as it is now: common/citations.ts's rule, the
// one the integrity check before export applies (db/brief/integrity.ts).
import { citationStatus, type CitationStatus } from '../../../common/citations';
import type { ExcerptView } from '../types';

export type { CitationStatus };

export const CITATION_STATUS_LABELS: Record<CitationStatus, string> = {
  ok: 'ok',
  changed: 'changed',
  orphaned: 'orphaned',
  deleted: 'deleted',
  ungraded: 'ungraded',
};

export interface CitationCheckResult {
  status: CitationStatus;
  /** Why, in a few words a person reads (empty when ok). */
  detail: string;
}

/** The most serious status that applies (see common/citations.ts). */
export function checkCitation(quoteAtCitation: string, excerpt: ExcerptView | null | undefined): CitationCheckResult {
  return citationStatus(quoteAtCitation, excerpt);
}

/** What changed since the citation was made, for a word diff: the quote then and now. */
export function quoteChange(quoteAtCitation: string, excerpt: ExcerptView | null | undefined): { before: string; after: string } | null {
  if (!excerpt) return null;
  if (excerpt.quote !== quoteAtCitation) return { before: quoteAtCitation, after: excerpt.quote };
  // Same quote but found only approximately: what the passage said before re-anchoring.
  if (excerpt.state === 'fuzzy' && excerpt.previousQuote && excerpt.previousQuote !== excerpt.quote) return { before: excerpt.previousQuote, after: excerpt.quote };
  return null;
}
