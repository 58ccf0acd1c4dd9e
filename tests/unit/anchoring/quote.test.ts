import { describe, expect, it } from 'vitest';
import { findQuote } from '../../../electron/services/anchoring/quote';

const text = 'The minister said “we will not sign” — twice.\n\nLater,  the  minister\tsaid “we will not sign” again.';

describe('findQuote', () => {
  it('finds an exact quote with curly quotes and dashes as the reader shows them', () => {
    const m = findQuote(text, 'said “we will not sign” — twice');
    expect(m).toHaveLength(1);
    expect(text.slice(m[0].start, m[0].end)).toBe('said “we will not sign” — twice');
  });

  it('matches straight quotes and hyphens against curly quotes and dashes', () => {
    const m = findQuote(text, 'said "we will not sign" - twice');
    expect(m).toHaveLength(1);
    expect(text.slice(m[0].start, m[0].end)).toBe('said “we will not sign” — twice');
  });

  it('lets any run of whitespace in the quote match any run in the text, across line breaks', () => {
    const m = findQuote(text, 'Later, the\nminister said');
    expect(m).toHaveLength(1);
    expect(text.slice(m[0].start, m[0].end)).toBe('Later,  the  minister\tsaid');
    expect(findQuote(text, 'twice.  Later,')).toHaveLength(1);
  });

  it('reports every occurrence of a repeated quote', () => {
    expect(findQuote(text, 'we will not sign')).toHaveLength(2);
  });

  it('is case-sensitive and treats regex characters literally', () => {
    expect(findQuote(text, 'the Minister')).toHaveLength(0);
    expect(findQuote('a.b a+b (c) [d] $e ^f \\g', 'a+b (c) [d] $e ^f \\g')).toHaveLength(1);
    expect(findQuote('axb', 'a.b')).toHaveLength(0);
  });

  it('finds nothing for an empty or whitespace-only quote', () => {
    expect(findQuote(text, '')).toEqual([]);
    expect(findQuote(text, '  \n ')).toEqual([]);
  });

  it('takes the modifier-letter and full-width apostrophes, quotes and dashes as the mention scan does', () => {
    const source = 'Maduro\u2019s envoy called it \u201Ca port\u2014not a base\u201D.';
    for (const quote of ['Maduro\u02BCs envoy', 'Maduro\uFF07s envoy', '\uFF02a port\uFF0Dnot a base\u2036']) {
      expect(findQuote(source, quote), quote).toHaveLength(1);
    }
  });
});
