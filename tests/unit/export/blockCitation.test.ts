import { describe, expect, it } from 'vitest';
import type { ExcerptView } from '../../../db/domain';
import { citationNode, paragraphNode, rootNode, textNode } from '../../../db/brief/document';
import { renderBriefHtml } from '../../../electron/services/export/briefHtml';

const excerpt = {
  id: 'exc_1',
  quote: 'Physical inspections fell to 1.8 per cent.',
  sourceTitle: 'Harbour Watch report',
  reliability: 'B',
  credibility: 2,
  page: 4,
} as unknown as ExcerptView;

describe('a citation in block form', () => {
  it('prints as a quote with its attribution and note marker, between the paragraph’s halves', () => {
    const block = { ...citationNode('exc_1', excerpt.quote, excerpt.sourceTitle), form: 'block' as const };
    const doc = rootNode([paragraphNode([textNode('Before the quote.'), block, textNode('After the quote.')])]);
    const html = renderBriefHtml({ title: 'T', document: doc, excerpts: new Map([['exc_1', excerpt]]), generatedAt: new Date(0), stylesheet: '' });
    const body = html.slice(html.indexOf('<div class="brief-body">'), html.indexOf('</div>', html.indexOf('<div class="brief-body">')));
    expect(body).toMatch(
      /<p>Before the quote\.<\/p>\s*<blockquote class="cite-block"><p dir="auto">Physical inspections fell to 1\.8 per cent\.<\/p><footer>— <cite>Harbour Watch report<\/cite>, p\. 4, Grade B2 <sup class="cite" id="cite-1-1">.*<\/footer><\/blockquote>\s*<p>After the quote\.<\/p>/s,
    );
  });
});

describe('an entity mention in a brief', () => {
  it('exports as the entity’s name, and counts in the brief’s text', async () => {
    const { plainTextOf } = await import('../../../db/brief/walk');
    const { renderBriefMarkdown } = await import('../../../electron/services/export/briefMarkdown');
    const mention = { type: 'entity-mention', version: 1, entityId: 'ent_1', name: 'Nordhavn Spirit' } as unknown as ReturnType<typeof textNode>;
    const doc = rootNode([paragraphNode([textNode('The carrier '), mention, textNode(' left.')])]);
    const input = { title: 'T', document: doc, excerpts: new Map(), generatedAt: new Date(0) };
    expect(renderBriefHtml({ ...input, stylesheet: '' })).toContain('<p>The carrier Nordhavn Spirit left.</p>');
    expect(renderBriefMarkdown(input)).toContain('The carrier Nordhavn Spirit left.');
    expect(plainTextOf(doc)).toBe('The carrier Nordhavn Spirit left.');
  });
});
