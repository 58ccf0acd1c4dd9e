// Is a PDF page's text layer worth keeping, or should the page be read by OCR instead?
//
// A scanned page has no text layer, or a few stray characters (a page number stamped by
// the scanner); a page whose fonts do not say which letters their glyphs are gives private-
// use or replacement characters, or letters that are not the ones printed ("Wkh txlfn
// eurzq" for "The quick brown": a shifted encoding), or a soup of symbols. A page of real
// text, in any script, is mostly words that look like words. No dictionary: the test must
// work for every language, so a word is judged by its shape.

export type PageTextVerdict = 'good' | 'empty' | 'garbage';

export interface PageTextQuality {
  verdict: PageTextVerdict;
  /** Letters and digits, the other characters of the page not counted. */
  letters: number;
  /** Share of the page's non-space characters that are private-use or U+FFFD. */
  unmapped: number;
  /** Share of the page's words (by characters) that look like words. */
  wordLike: number;
  /** Share of the page's non-space characters that are letters or digits. */
  letterShare: number;
}

/** Fewer letters and digits than this: the page has no text layer to speak of (a stamp, a page number). */
const MIN_LETTERS = 12;

const LATIN_VOWEL = /[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœāēīōūăĕĭŏŭąęįųаеиоуыэюяё]/i;
/** Five consonants in a row do not occur in the Latin-script languages' common words. */
const CONSONANT_RUN = /[b-df-hj-np-tv-xz]{5,}/i;

/** One word (letters of one script, maybe with an apostrophe or hyphen inside, digits alone, or a number) or not. */
function looksLikeWord(token: string): boolean {
  const core = token.replace(/^[("'“‘«¿¡[]+|[)"'”’».,;:!?\]…،؛؟۔]+$/gu, '');
  if (!core) return false;
  if (/^\p{N}+(?:[.,:/-]\p{N}+)*%?$/u.test(core)) return true;
  if (!/^\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*$/u.test(core)) return false;
  if (/\p{Script=Latin}/u.test(core)) {
    if (!/^\p{Script=Latin}+(?:['’-]\p{Script=Latin}+)*$/u.test(core.normalize('NFC').replace(/\p{M}/gu, ''))) return false;
    // Case like a word: "word", "Word", "WORD", "McDonald" — not "wOrD" or "xQzT".
    if (/\p{Ll}\p{Lu}\p{Ll}*\p{Lu}|\p{Lu}\p{Ll}+\p{Lu}\p{Ll}*\p{Lu}/u.test(core)) return false;
    if (core.length > 1 && !LATIN_VOWEL.test(core)) return false;
    if (CONSONANT_RUN.test(core)) return false;
    return core.length <= 30;
  }
  // Other scripts: letters of one script are a word (a CJK run is a phrase; still text).
  const scripts = ['Cyrillic', 'Arabic', 'Hebrew', 'Greek', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Devanagari', 'Thai', 'Armenian', 'Georgian'];
  const stripped = core.replace(/['’-]/g, '').replace(/\p{M}/gu, '');
  const japanese = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u.test(stripped);
  return japanese || scripts.some((s) => new RegExp(`^\\p{Script=${s}}+$`, 'u').test(stripped));
}

export function assessPageText(text: string): PageTextQuality {
  const compact = text.replace(/\s+/g, '');
  const letters = compact.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  const unmappedCount = compact.match(/[\uE000-\uF8FF\uFFFD]/g)?.length ?? 0;
  const unmapped = compact.length ? unmappedCount / compact.length : 0;
  const letterShare = compact.length ? letters / compact.length : 0;
  let wordChars = 0;
  let allChars = 0;
  // Words are split at spaces, and at the punctuation of scripts written without spaces
  // (CJK and full-width: "，" "。" "、"), which sits between their words.
  for (const token of text.split(/[\s\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]+/u)) {
    if (!token) continue;
    allChars += token.length;
    if (looksLikeWord(token)) wordChars += token.length;
  }
  const wordLike = allChars ? wordChars / allChars : 0;
  const quality = { letters, unmapped, wordLike, letterShare };
  // Glyphs whose fonts do not say which letters they are count: a page of them is garbage, not empty.
  if (letters + unmappedCount < MIN_LETTERS) return { verdict: 'empty', ...quality };
  const garbage = unmapped > 0.1 || letterShare < 0.5 || wordLike < 0.6;
  return { verdict: garbage ? 'garbage' : 'good', ...quality };
}
