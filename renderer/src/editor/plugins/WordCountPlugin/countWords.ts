// Words as a reader counts them: runs of letters or digits, with inner apostrophes,
// hyphens and dots kept (don't, e-mail, 1.8 are one word each). Pure.

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’.\-‐][\p{L}\p{N}\p{M}]+)*/gu;

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}
