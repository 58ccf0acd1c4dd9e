import type { ExcerptView } from '../../db/domain';

/**
 * An excerpt as exporters and citation checks receive it: `fields` over an ungraded one of
 * source src_1, anchored exactly, with no page, note, tags or entities.
 */
export function excerptView(id: string, fields: Partial<ExcerptView> = {}): ExcerptView {
  const anchor = { version: 1, start: 0, end: 10, quote: '', prefix: '', suffix: '', state: 'exact' as const, score: null, page: null, previousQuote: null };
  const source = { sourceId: 'src_1', sourceTitle: 'Untitled', sourcePublisher: null, sourcePublishedAt: null, sourceUrl: null, reliability: null };
  const annotations = { note: '', credibility: null, eventDate: null, tags: [], entities: [] };
  return { id, ...anchor, ...source, ...annotations, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...fields };
}
