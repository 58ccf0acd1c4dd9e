// A citation's status against the excerpt as it is now — the rule of db/brief/integrity.ts
// (checkCitations), restated here because the renderer may not import db/ at run time.
// tests/unit/renderer/checkCitations.test.ts holds both to the same cases.
import type { CitationStatus } from '../../../db/brief/integrity';
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

/**
 * The most serious status that applies: deleted (no excerpt), orphaned (passage lost),
 * changed (quote differs from when cited, or re-found approximately and unconfirmed),
 * ungraded (reliability or credibility missing), else ok.
 */
export function checkCitation(quoteAtCitation: string, excerpt: ExcerptView | null | undefined): CitationCheckResult {
  if (!excerpt) return { status: 'deleted', detail: 'the excerpt was deleted' };
  if (excerpt.state === 'orphaned') return { status: 'orphaned', detail: 'the passage is no longer in its source’s current text' };
  if (excerpt.quote !== quoteAtCitation) return { status: 'changed', detail: 'the quote changed since it was cited' };
  if (excerpt.state === 'fuzzy') return { status: 'changed', detail: 'the passage was re-found approximately and awaits confirmation' };
  if (!excerpt.reliability || !excerpt.credibility) {
    const missing = [!excerpt.reliability && 'source reliability', !excerpt.credibility && 'information credibility'].filter(Boolean).join(' and ');
    return { status: 'ungraded', detail: `no ${missing}` };
  }
  return { status: 'ok', detail: '' };
}

/** What changed since the citation was made, for a word diff: the quote then and now. */
export function quoteChange(quoteAtCitation: string, excerpt: ExcerptView | null | undefined): { before: string; after: string } | null {
  if (!excerpt) return null;
  if (excerpt.quote !== quoteAtCitation) return { before: quoteAtCitation, after: excerpt.quote };
  // Same quote but found only approximately: what the passage said before re-anchoring.
  if (excerpt.state === 'fuzzy' && excerpt.previousQuote && excerpt.previousQuote !== excerpt.quote) return { before: excerpt.previousQuote, after: excerpt.quote };
  return null;
}
