// Letters that one script writes in several ways, folded to one so that search and the
// mention scan treat them alike: an Arabic or Persian word with or without its short
// vowels (harakat) and tatweel, Arabic and Persian forms of the same letter (ي/ی/ى, ك/ک,
// ة/ه, the alef forms أ إ آ ٱ), and Russian ё written as е. Latin diacritics are not here:
// FTS5's tokenizer (unicode61 remove_diacritics 2) and the mention fold already remove them.
//
// Every change is ONE UTF-16 code unit for ONE (a mark that goes away becomes U+0301, a
// combining accent the search tokenizer drops inside a word, just as it drops Latin
// accents), so a folded text has the same length as the original and an offset in one is
// the same offset in the other: search shows snippets and highlights of the original text
// although the index holds the folded one (db/search.ts), and a mention's offsets point at
// the original. Migration 018 writes the same table into the search index's view as SQL
// replace() calls; tests/unit/common/scriptFold.test.ts checks the two agree.

/** Marks removed by folding become this: a combining accent that the search tokenizer drops. */
export const DROPPED = '\u0301';

/** Each character that folding changes, and what it becomes. */
export const SCRIPT_FOLDS: Readonly<Record<string, string>> = {
  // Arabic harakat (fathatan … sukun), superscript alef, and tatweel (kashida).
  '\u064B': DROPPED,
  '\u064C': DROPPED,
  '\u064D': DROPPED,
  '\u064E': DROPPED,
  '\u064F': DROPPED,
  '\u0650': DROPPED,
  '\u0651': DROPPED,
  '\u0652': DROPPED,
  '\u0670': DROPPED,
  '\u0640': DROPPED,
  // Yeh: Farsi yeh ی and alef maksura ى are written for Arabic ي.
  '\u06CC': '\u064A',
  '\u0649': '\u064A',
  // Kaf: Persian ک for Arabic ك.
  '\u06A9': '\u0643',
  // Teh marbuta ة, often written (and typed) as heh ه.
  '\u0629': '\u0647',
  // Alef with hamza above/below, with madda, wasla: plain alef.
  '\u0623': '\u0627',
  '\u0625': '\u0627',
  '\u0622': '\u0627',
  '\u0671': '\u0627',
  // Russian ё, usually printed as е.
  '\u0451': '\u0435',
  '\u0401': '\u0415',
};

const CLASS = `[${Object.keys(SCRIPT_FOLDS).join('')}]`;
const FOLDABLE = new RegExp(CLASS, 'gu');
const ANY_FOLDABLE = new RegExp(CLASS, 'u');

/** The text with each foldable character folded: the same length, offsets unchanged. */
export function foldScripts(text: string): string {
  return text.replace(FOLDABLE, (ch) => SCRIPT_FOLDS[ch]);
}

/** Whether folding changes anything in the text (most Latin text: no, and it is left alone). */
export function hasFoldable(text: string): boolean {
  return ANY_FOLDABLE.test(text);
}

/** A word as a query or a name is compared: folded, with the dropped marks gone. */
export function foldWord(word: string): string {
  return foldScripts(word).split(DROPPED).join('');
}
