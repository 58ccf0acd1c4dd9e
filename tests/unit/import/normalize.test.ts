import { describe, expect, it } from 'vitest';
import { normalizeDate, normalizeText } from '../../../electron/services/import/normalize';

describe('normalizeText', () => {
  it.each([
    ['CRLF and CR line endings', 'one\r\ntwo\rthree', 'one\ntwo\nthree'],
    ['NBSP and other Unicode spaces', 'a\u00A0b\u2009c\u202Fd\u3000e', 'a b c d e'],
    ['zero-width spaces and the BOM', '\uFEFFzero\u200Bwidth\u2060space', 'zerowidthspace'],
    // Joiners carry meaning: Persian words (ZWNJ) and emoji sequences (ZWJ) must survive.
    ['joiners kept', 'می\u200Cخواهم 👩\u200D💻', 'می\u200Cخواهم 👩\u200D💻'],
    ['five newlines become one blank line', 'para one\n\n\n\n\npara two', 'para one\n\npara two'],
    ['tabs and runs of spaces', 'col\tone  \t  two', 'col one two'],
    ['line ends trimmed', '  indented line  \n\t next  ', 'indented line\nnext'],
    ['form feed and vertical tab', 'page one\fpage two\vline', 'page one\npage two\nline'],
    ['control characters removed', 'bell\u0007 and\u0000 nul\u0085next', 'bell and nul\nnext'],
    ['curly quotes, dashes and ellipses kept', '“Quoted” — it’s ‘fine’… – really', '“Quoted” — it’s ‘fine’… – really'],
    ['composed to NFC', 'cafe\u0301', 'caf\u00E9'],
    ['whitespace-only text', ' \n\t\u00A0\u200B\n ', ''],
    ['paragraph separator', 'one\u2029two', 'one\n\ntwo'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('keeps every other printable character exactly', () => {
    const text = 'Émile Zoë — 東京 ✓ 🚢 ﬁ ½ «guillemets» „German“ soft\u00ADhyphen \u200Frtl';
    expect(normalizeText(text)).toBe(text);
  });

  it('is idempotent', () => {
    const samples = [
      '\uFEFF  Title\r\n\r\n\r\n\tBody\u00A0text\u200B with e\u200B\u0301 accent \n\n\n\n end  ',
      'a \u2000\u2001 b\u2029\u2029c\u2028d',
      'lone \uD800 surrogate \uDC00 here',
      ' \n \n x \n \n \n y ',
    ];
    const alphabet = ['a', ' ', '\n', '\r', '\t', '\u00A0', '\u200B', '\u0301', '\u2029', '\u2000', '\f', '\u0000', 'é', '\uD83D', '\uDE00'];
    let seed = 7;
    for (let n = 0; n < 300; n++) {
      let s = '';
      for (let i = 0; i < 30; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        s += alphabet[seed % alphabet.length];
      }
      samples.push(s);
    }
    for (const sample of samples) {
      const once = normalizeText(sample);
      expect(normalizeText(once)).toBe(once);
    }
  });

  it('is fast on 30 MB of text', () => {
    const line = 'Lorem\u00A0ipsum  dolor\tsit amet, “consectetur” — adipiscing elit.\r\n';
    const big = line.repeat(Math.ceil((30 * 1024 * 1024) / line.length));
    const started = performance.now();
    const out = normalizeText(big);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(out.startsWith('Lorem ipsum dolor sit amet, “consectetur” — adipiscing elit.\nLorem')).toBe(true);
  });
});

describe('normalizeDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-03-05T08:30:00+02:00', '2024-03-05T08:30:00+02:00'],
    ['2024-03-05T08:30+0200', '2024-03-05T08:30:00+02:00'],
    ['2024-03-05 08:30:00', '2024-03-05T08:30:00'],
    ['2024-03-05T06:30:00.000Z', '2024-03-05T06:30:00.000Z'],
    ['Tue, 05 Mar 2024 06:30:00 GMT', '2024-03-05T06:30:00Z'],
    ['March 5, 2024', '2024-03-05'],
    ['5 March 2024', '2024-03-05'],
    ['03/05/2024', '03/05/2024'],
    ['2024-02-30', '2024-02-30'],
    ['Spring 2024', 'Spring 2024'],
    ['  ', null],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });
});
