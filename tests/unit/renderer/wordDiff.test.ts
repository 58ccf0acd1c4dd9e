import { describe, expect, test } from 'vitest';
import { MAX_CELLS, tokenize, wordDiff, type DiffPart } from '../../../renderer/src/ui/wordDiff';

const side = (parts: DiffPart[], kind: 'removed' | 'added') =>
  parts
    .filter((p) => p.kind === 'same' || p.kind === kind)
    .map((p) => p.text)
    .join('');

describe('tokenize', () => {
  test('keeps numbers, contractions and hyphenated words whole, and splits punctuation', () => {
    expect(tokenize('1.8 per cent, don’t e-mail!')).toEqual(['1.8', ' ', 'per', ' ', 'cent', ',', ' ', 'don’t', ' ', 'e-mail', '!']);
  });
  test('handles letters beyond ASCII', () => {
    expect(tokenize('Zürich über Øresund')).toEqual(['Zürich', ' ', 'über', ' ', 'Øresund']);
  });
});

describe('wordDiff', () => {
  test('identical texts are one unchanged part', () => {
    expect(wordDiff('The harbour board met.', 'The harbour board met.')).toEqual([{ kind: 'same', text: 'The harbour board met.' }]);
  });

  test('a changed word shows as removed then added, in place', () => {
    expect(wordDiff('Inspectors reported that 1.8 per cent were opened.', 'Inspectors reported that 1.9 per cent were opened.')).toEqual([
      { kind: 'same', text: 'Inspectors reported that ' },
      { kind: 'removed', text: '1.8' },
      { kind: 'added', text: '1.9' },
      { kind: 'same', text: ' per cent were opened.' },
    ]);
  });

  test('insertions and deletions', () => {
    expect(wordDiff('the gate data reaches customs', 'the gate data now reaches customs')).toEqual([
      { kind: 'same', text: 'the gate data ' },
      { kind: 'added', text: 'now ' },
      { kind: 'same', text: 'reaches customs' },
    ]);
    expect(wordDiff('a quick brown fox', 'a fox')).toEqual([
      { kind: 'same', text: 'a ' },
      { kind: 'removed', text: 'quick brown ' },
      { kind: 'same', text: 'fox' },
    ]);
  });

  test('a stretch of several changed words is one removed and one added part', () => {
    const parts = wordDiff('the cranes arrived on Monday at noon', 'the vessels left on Tuesday at noon');
    expect(parts).toEqual([
      { kind: 'same', text: 'the ' },
      { kind: 'removed', text: 'cranes arrived' },
      { kind: 'added', text: 'vessels left' },
      { kind: 'same', text: ' on ' },
      { kind: 'removed', text: 'Monday' },
      { kind: 'added', text: 'Tuesday' },
      { kind: 'same', text: ' at noon' },
    ]);
  });

  test('each side reassembles to its text', () => {
    const before = 'A spokesperson declined to comment on the ownership of the operator, citing law.';
    const after = 'The spokesperson would not comment on who owns the operator, citing the law.';
    const parts = wordDiff(before, after);
    expect(side(parts, 'removed')).toBe(before);
    expect(side(parts, 'added')).toBe(after);
  });

  test('whitespace differences alone are no change', () => {
    expect(wordDiff('two\nlines', 'two lines').every((p) => p.kind === 'same')).toBe(true);
  });

  test('empty sides', () => {
    expect(wordDiff('', 'new text')).toEqual([{ kind: 'added', text: 'new text' }]);
    expect(wordDiff('old text', '')).toEqual([{ kind: 'removed', text: 'old text' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  test('very long texts fall back to replacing the differing middle whole, quickly', () => {
    const words = (n: number, seed: string) => Array.from({ length: n }, (_, i) => `${seed}${i}`).join(' ');
    const before = `start ${words(3000, 'a')} end`;
    const after = `start ${words(3000, 'b')} end`;
    expect(3000 * 2 * 3000 * 2).toBeGreaterThan(MAX_CELLS);
    const t0 = performance.now();
    const parts = wordDiff(before, after);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(parts[0]).toEqual({ kind: 'same', text: 'start ' });
    expect(parts[parts.length - 1]).toEqual({ kind: 'same', text: ' end' });
    expect(side(parts, 'removed')).toBe(before);
    expect(side(parts, 'added')).toBe(after);
  });
});
