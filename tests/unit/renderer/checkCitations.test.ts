// The renderer's citation status (briefs/checkCitations.ts) must agree with the one the
// CLI check and strict export use (db/brief/integrity.ts): same cases, same answers.
import { describe, expect, test } from 'vitest';
import { checkCitations } from '../../../db/brief/integrity';
import { citationNode, paragraphNode, rootNode } from '../../../db/brief/document';
import type { ExcerptView } from '../../../db/domain';
import { checkCitation, quoteChange } from '../../../renderer/src/briefs/checkCitations';
import { numberCitations } from '../../../renderer/src/editor/citationIndex';
import { excerptView } from '../../helpers/excerptView';

/** exc_1, graded B2, quoting "the quote". */
const excerpt = (over: Partial<ExcerptView>): ExcerptView => excerptView('exc_1', { quote: 'the quote', credibility: 2, reliability: 'B', sourceTitle: 'Source', ...over });

const CASES: { name: string; quoteAtCitation: string; excerpt: ExcerptView | null; status: string }[] = [
  { name: 'graded, unchanged', quoteAtCitation: 'the quote', excerpt: excerpt({}), status: 'ok' },
  { name: 'moved but the same words', quoteAtCitation: 'the quote', excerpt: excerpt({ state: 'moved' }), status: 'ok' },
  { name: 'deleted', quoteAtCitation: 'the quote', excerpt: null, status: 'deleted' },
  { name: 'orphaned', quoteAtCitation: 'the quote', excerpt: excerpt({ state: 'orphaned' }), status: 'orphaned' },
  { name: 'orphaned and changed: orphaned wins', quoteAtCitation: 'old words', excerpt: excerpt({ state: 'orphaned' }), status: 'orphaned' },
  { name: 'quote changed', quoteAtCitation: 'the old quote', excerpt: excerpt({}), status: 'changed' },
  { name: 'fuzzy, same quote', quoteAtCitation: 'the quote', excerpt: excerpt({ state: 'fuzzy', previousQuote: 'the quotes' }), status: 'changed' },
  { name: 'changed and ungraded: changed wins', quoteAtCitation: 'other', excerpt: excerpt({ credibility: null, reliability: null }), status: 'changed' },
  { name: 'no credibility', quoteAtCitation: 'the quote', excerpt: excerpt({ credibility: null }), status: 'ungraded' },
  { name: 'no reliability', quoteAtCitation: 'the quote', excerpt: excerpt({ reliability: null }), status: 'ungraded' },
  { name: 'neither', quoteAtCitation: 'the quote', excerpt: excerpt({ reliability: null, credibility: null }), status: 'ungraded' },
];

describe('citation status in the renderer = the integrity check', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const mine = checkCitation(c.quoteAtCitation, c.excerpt);
      const doc = rootNode([paragraphNode([citationNode('exc_1', c.quoteAtCitation)])]);
      const [theirs] = checkCitations(doc, new Map(c.excerpt ? [['exc_1', c.excerpt]] : []));
      expect(mine.status).toBe(c.status);
      expect(mine).toEqual({ status: theirs.status, detail: theirs.detail });
    });
  }
});

describe('what changed since cited (for the word diff)', () => {
  test('the quote then against now', () => {
    expect(quoteChange('the old quote', excerpt({}))).toEqual({ before: 'the old quote', after: 'the quote' });
    expect(quoteChange('the quote', excerpt({}))).toBeNull();
    expect(quoteChange('the quote', null)).toBeNull();
  });
  test('a fuzzy passage with the same quote shows what it said before re-anchoring', () => {
    expect(quoteChange('the quote', excerpt({ state: 'fuzzy', previousQuote: 'the quotes' }))).toEqual({ before: 'the quotes', after: 'the quote' });
  });
});

describe('citation numbers', () => {
  test('one per excerpt, in order of first citation (the exporters’ rule)', () => {
    const numbers = numberCitations([{ excerptId: 'b' }, { excerptId: 'a' }, { excerptId: 'b' }, { excerptId: 'c' }]);
    expect([...numbers]).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 3],
    ]);
  });
});
