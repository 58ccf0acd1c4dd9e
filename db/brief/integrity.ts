// The integrity check of a brief before it goes out: every citation's status against the
// excerpt it cites, as the excerpt is now. Pure: the caller supplies the excerpts.
import { type ExcerptView } from '../domain';
import { type BriefDocument, citationsOf } from './document';

export const CITATION_STATUSES = ['ok', 'changed', 'orphaned', 'deleted', 'ungraded'] as const;
export type CitationStatus = (typeof CITATION_STATUSES)[number];

export interface CitationCheck {
  /** Position of the citation in the brief, 0-based, document order. */
  position: number;
  excerptId: string;
  status: CitationStatus;
  /** The quote the citation remembers from when it was made. */
  quoteAtCitation: string;
  /** The excerpt's quote now (null when deleted). */
  quoteNow: string | null;
  /** Why, in a few words a person reads. */
  detail: string;
}

/**
 * One status per citation, the most serious that applies: deleted, orphaned (passage
 * lost), changed (the quote differs from when cited, or the passage was only found
 * approximately and is unconfirmed), ungraded (source reliability or information
 * credibility missing), else ok.
 */
export function checkCitations(doc: BriefDocument, excerpts: ReadonlyMap<string, ExcerptView>): CitationCheck[] {
  return citationsOf(doc).map((c, position) => {
    const x = excerpts.get(c.excerptId);
    const base = { position, excerptId: c.excerptId, quoteAtCitation: c.quoteAtCitation, quoteNow: x?.quote ?? null };
    if (!x) return { ...base, status: 'deleted', detail: 'the excerpt was deleted' };
    if (x.state === 'orphaned') return { ...base, status: 'orphaned', detail: 'the passage is no longer in its source’s current text' };
    if (x.quote !== c.quoteAtCitation) return { ...base, status: 'changed', detail: 'the quote changed since it was cited' };
    if (x.state === 'fuzzy') return { ...base, status: 'changed', detail: 'the passage was re-found approximately and awaits confirmation' };
    if (!x.reliability || !x.credibility) {
      const missing = [!x.reliability && 'source reliability', !x.credibility && 'information credibility'].filter(Boolean).join(' and ');
      return { ...base, status: 'ungraded', detail: `no ${missing}` };
    }
    return { ...base, status: 'ok', detail: '' };
  });
}
