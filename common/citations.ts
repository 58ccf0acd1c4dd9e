// The rules of a citation in a brief, for the editor and the exporters alike: the number
// each cited excerpt gets, and a citation's status against the excerpt as it is now (the
// integrity check before a brief goes out, and the badge on the citation while writing).
import type { AnchorState, Reliability } from './glossary';

/** One number per distinct excerpt, in order of first citation (document order). */
export function numberCitations(citations: readonly { excerptId: string }[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const c of citations) if (!numbers.has(c.excerptId)) numbers.set(c.excerptId, numbers.size + 1);
  return numbers;
}

export const CITATION_STATUSES = ['ok', 'changed', 'orphaned', 'deleted', 'ungraded'] as const;
export type CitationStatus = (typeof CITATION_STATUSES)[number];

/** What the status rule reads of an excerpt. */
export interface CitedExcerpt {
  quote: string;
  state: AnchorState;
  reliability: Reliability | null;
  credibility: number | null;
}

/**
 * The most serious status that applies: deleted (no excerpt), orphaned (passage lost),
 * changed (the quote differs from when cited, or the passage was only re-found
 * approximately and is unconfirmed), ungraded (source reliability or information
 * credibility missing), else ok. `detail` says why in a few words (empty when ok).
 */
export function citationStatus(quoteAtCitation: string, excerpt: CitedExcerpt | null | undefined): { status: CitationStatus; detail: string } {
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
