// Chinese, Japanese and Korean are written without spaces between words, so a word
// tokenizer sees a whole clause as one "word" and a two-character word inside it is never
// found. Like Zotero's second index, Sourcebook indexes such text as overlapping pairs of
// characters (中华人民 → 中华 华人 人民) and looks a word up as the phrase of its pairs: a
// two-character word is one pair, a longer one its pairs in a row, a single character
// the pairs it begins plus itself where it stands alone.

/** Han (with its extensions), kana, and Hangul syllables and letters. */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]+/gu;

export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/** The runs of CJK characters in a text, in order. */
export function cjkRuns(text: string): string[] {
  return text.match(CJK_RUN) ?? [];
}

/** One run as its overlapping pairs (a lone character as itself). */
function pairs(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/**
 * What the pair index holds for a text: every CJK run's pairs, runs kept apart by a line
 * break (so a phrase never spans two runs), or null when the text has no CJK at all.
 */
export function cjkIndexText(text: string): string | null {
  const runs = cjkRuns(text);
  return runs.length ? runs.map((r) => pairs(r).join(' ')).join('\n') : null;
}

/** A CJK word as an FTS5 expression over the pair index (quoted: nothing of FTS5 syntax passes). */
export function cjkQuery(word: string, prefix: boolean): string {
  const chars = [...word];
  if (chars.length === 1) return `("${word}" OR "${word}"*)`;
  const phrase = `"${pairs(word).join(' ')}"`;
  return prefix ? `${phrase}*` : phrase;
}
