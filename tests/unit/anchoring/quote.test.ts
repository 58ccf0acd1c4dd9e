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

describe('findQuote on long quotes (issue #11 probe)', () => {
  it('finds a 40,000-character quote in a large text without building a regular expression from it', () => {
    const paragraph = 'The harbour board met on “Tuesday” — and the Kestrava concession’s terms were read aloud. ';
    const text = `Preface.\n\n${paragraph.repeat(2000)}`;
    const quote = paragraph.repeat(450).replace(/“/g, '"').replace(/’/g, "'").replace(/ — /g, ' -  ');
    expect(quote.length).toBeGreaterThan(40_000);
    const found = findQuote(text, quote);
    expect(found[0]).toEqual({ start: 10, end: 10 + paragraph.length * 450 - 1 });
    expect(found).toHaveLength(4);
  });

  it('starts on any form of a punctuation mark and keeps matches apart', () => {
    expect(findQuote('he said ‘no’ and \'no\' again', "'no'")).toEqual([
      { start: 8, end: 12 },
      { start: 17, end: 21 },
    ]);
    expect(findQuote('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
  });
});
