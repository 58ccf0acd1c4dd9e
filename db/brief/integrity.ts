// The integrity check of a brief before it goes out: every citation's status against the
// excerpt it cites, as the excerpt is now. Pure: the caller supplies the excerpts.
import { type ExcerptView } from '../domain';
import type { BriefDocument } from './document';
import { citationsOf } from './walk';
import { citationStatus } from '../../common/citations';
import type { CitationCheck } from '../domain';
export type { CitationCheck };

export { CITATION_STATUSES, type CitationStatus } from '../../common/citations';


/** One status per citation, the most serious that applies (common/citations.ts's rule, which the editor shows too). */
export function checkCitations(doc: BriefDocument, excerpts: ReadonlyMap<string, ExcerptView>): CitationCheck[] {
  return citationsOf(doc).map((c, position) => {
    const x = excerpts.get(c.excerptId);
    return { position, excerptId: c.excerptId, quoteAtCitation: c.quoteAtCitation, quoteNow: x?.quote ?? null, ...citationStatus(c.quoteAtCitation, x) };
  });
}
