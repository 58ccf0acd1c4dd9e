// Folding the text exactly as findQuote matches (quote.ts), with a map back to original
// offsets.
import { APOSTROPHES, DASHES, DOUBLE_QUOTES } from '../../../../common/punctuation';

// A run of \s (Unicode) matches any run, and each quote/dash variant matches the others
// (common/punctuation.ts, as quote.ts).

const SPACE = new Uint8Array(0x10000);
export const WORD = new Uint8Array(0x10000);
const CANON = new Uint16Array(0x10000);
{
  const space = /\s/u;
  const word = /[\p{L}\p{N}\p{M}_]/u;
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    SPACE[c] = space.test(ch) ? 1 : 0;
    // Surrogates are halves of astral characters: count them as word characters.
    WORD[c] = (c >= 0xd800 && c <= 0xdfff) || word.test(ch) ? 1 : 0;
    CANON[c] = c;
  }
  for (const ch of APOSTROPHES) CANON[ch.charCodeAt(0)] = 0x27;
  for (const ch of DOUBLE_QUOTES) CANON[ch.charCodeAt(0)] = 0x22;
  for (const ch of DASHES) CANON[ch.charCodeAt(0)] = 0x2d;
}

/** Stands for the start or end of the text in a context comparison. */
export const EDGE = '\u0000';

function codesToString(codes: Uint16Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 8192) out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + 8192)) as unknown as number[]);
  return out;
}

/** Folded text and, for each folded character, its offset in the original. */
export function foldWithMap(text: string): { folded: string; map: Int32Array } {
  const codes = new Uint16Array(text.length);
  const map = new Int32Array(text.length);
  let k = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (SPACE[c]) {
      if (inSpace) continue;
      inSpace = true;
      codes[k] = 0x20;
    } else {
      inSpace = false;
      codes[k] = CANON[c];
    }
    map[k++] = i;
  }
  return { folded: codesToString(codes, k), map: map.subarray(0, k) };
}

export function fold(text: string): string {
  let out = '';
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (SPACE[c]) {
      if (!inSpace) out += ' ';
      inSpace = true;
    } else {
      inSpace = false;
      out += String.fromCharCode(CANON[c]);
    }
  }
  return out;
}
