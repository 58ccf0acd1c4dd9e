import { describe, expect, test } from 'vitest';
import { findMatches, nearestMatch, queryPattern, spanOf, type TextRun } from '../../../renderer/src/editor/plugins/FindReplacePlugin/findMatches';

const run = (...pieces: string[]): TextRun => {
  let start = 0;
  return {
    text: pieces.join(''),
    pieces: pieces.map((text, i) => {
      const piece = { key: `k${i}`, start, length: text.length };
      start += text.length;
      return piece;
    }),
  };
};
const plain = { caseSensitive: false, wholeWord: false };

describe('find in the brief', () => {
  test('finds every occurrence, run by run, case-insensitively by default', () => {
    const runs = [run('The lights, the LIGHTS.'), run('no match here'), run('lights')];
    expect(findMatches(runs, 'lights', plain)).toEqual([
      { run: 0, start: 4, end: 10 },
      { run: 0, start: 16, end: 22 },
      { run: 2, start: 0, end: 6 },
    ]);
    expect(findMatches(runs, 'lights', { caseSensitive: true, wholeWord: false })).toHaveLength(2);
  });

  test('the query is literal text, never a pattern', () => {
    expect(findMatches([run('a.b axb (c) [d]')], 'a.b', plain)).toEqual([{ run: 0, start: 0, end: 3 }]);
    expect(findMatches([run('(c) [d] $5')], '(c)', plain)).toHaveLength(1);
    expect(findMatches([run('(c) [d] $5')], '$5', plain)).toHaveLength(1);
    expect(queryPattern('', plain)).toBeNull();
    expect(findMatches([run('abc')], '', plain)).toEqual([]);
  });

  test('whole words: not inside a longer word, any script', () => {
    const runs = [run('the theory of the Thé, then the end')];
    expect(findMatches(runs, 'the', { caseSensitive: false, wholeWord: true }).map((m) => m.start)).toEqual([0, 14, 28]);
    expect(findMatches([run('Thé thé')], 'thé', { caseSensitive: false, wholeWord: true })).toHaveLength(2);
  });

  test('matches do not overlap', () => {
    expect(findMatches([run('aaaa')], 'aa', plain)).toEqual([
      { run: 0, start: 0, end: 2 },
      { run: 0, start: 2, end: 4 },
    ]);
  });

  test('a match across differently formatted pieces maps to the pieces it spans', () => {
    const r = run('The li', 'ght', 's went out');
    const [m] = findMatches([r], 'lights', plain);
    expect(spanOf(r.pieces, m.start, m.end)).toEqual({ first: 0, firstOffset: 4, last: 2, lastOffset: 1 });
    expect(spanOf(r.pieces, 0, 3)).toEqual({ first: 0, firstOffset: 0, last: 0, lastOffset: 3 });
    // Ending exactly at a piece's end belongs to that piece, not the next.
    expect(spanOf(r.pieces, 4, 6)).toEqual({ first: 0, firstOffset: 4, last: 0, lastOffset: 6 });
  });

  test('the first match shown is the one at or after the caret', () => {
    const matches = [
      { run: 0, start: 0, end: 2 },
      { run: 0, start: 10, end: 12 },
      { run: 2, start: 5, end: 7 },
    ];
    expect(nearestMatch(matches, 0, 0)).toBe(0);
    expect(nearestMatch(matches, 0, 5)).toBe(1);
    expect(nearestMatch(matches, 1, 0)).toBe(2);
    expect(nearestMatch(matches, 3, 0)).toBe(0);
  });
});
