// The re-anchorer's pieces, each on its own (the behaviour of the whole is in
// reanchor.test.ts and bench:anchors): folding with its offset map, edit distances, and
// the word tokens the index is built on.
import { describe, expect, it } from 'vitest';
import { findQuote } from '../../../electron/services/anchoring/quote';
import { fold, foldWithMap } from '../../../electron/services/anchoring/reanchoring/fold';
import { levenshtein, wordDistance } from '../../../electron/services/anchoring/reanchoring/editDistance';
import { tokenize } from '../../../electron/services/anchoring/reanchoring/textIndex';

describe('fold', () => {
  const text = 'The  minister\u00A0said:\n\u201Cwe\u2019ll sign\u201D \u2014 later.';

  it('folds as findQuote matches: whitespace runs to one space, quote and dash variants to one form, case kept', () => {
    expect(fold(text)).toBe('The minister said: "we\'ll sign" - later.');
    expect(fold('Maduro\u02BCs \uFF02port\uFF02')).toBe('Maduro\'s "port"');
  });

  it('maps every folded character back to its offset in the original', () => {
    const { folded, map } = foldWithMap(text);
    expect(folded).toBe(fold(text));
    const at = folded.indexOf('said');
    expect(text.slice(map[at], map[at + 3] + 1)).toBe('said');
    // A folded span found there is the span findQuote finds in the original.
    const [hit] = findQuote(text, '"we\'ll sign"');
    const f = folded.indexOf('"we\'ll sign"');
    expect([map[f], map[f + '"we\'ll sign"'.length - 1] + 1]).toEqual([hit.start, hit.end]);
  });
});

describe('edit distances', () => {
  it('counts character edits', () => {
    expect(levenshtein('harbour', 'harbor')).toBe(1);
    expect(levenshtein('', 'quay')).toBe(4);
    expect(levenshtein('quay', 'quay')).toBe(0);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
  });

  it('counts word edits, a word being one symbol however long', () => {
    expect(wordDistance(['the', 'board', 'met', 'on', 'Monday'], ['the', 'board', 'met', 'Tuesday'])).toBe(2);
    expect(wordDistance([], ['a', 'b'])).toBe(2);
  });
});

describe('word tokens', () => {
  it('splits folded text at spaces, giving each word its span', () => {
    const t = tokenize('the  board met');
    expect(Array.from(t.start, (s, i) => 'the  board met'.slice(s, t.end[i]))).toEqual(['the', 'board', 'met']);
  });
});
