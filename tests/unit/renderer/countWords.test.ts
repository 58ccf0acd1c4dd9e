import { describe, expect, test } from 'vitest';
import { countWords } from '../../../renderer/src/editor/plugins/WordCountPlugin/countWords';

describe('word count', () => {
  test('counts words as a reader does', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   \n ')).toBe(0);
    expect(countWords('Pilots saw unlit aircraft.')).toBe(4);
    expect(countWords("don't e-mail the 1.8 km report — twice")).toBe(7);
    expect(countWords('one\ntwo\tthree')).toBe(3);
  });
  test('any script; punctuation alone is no word', () => {
    expect(countWords('Zoë Åberg écrit: « déjà vu » !')).toBe(5);
    expect(countWords('— … ; !')).toBe(0);
    expect(countWords('Москва и Київ')).toBe(3);
  });
});
