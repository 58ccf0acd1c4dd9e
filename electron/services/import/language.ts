// The language of a text, detected offline with eld (Efficient Language Detector: n-gram
// tables in the package, no download; chosen over tinyld and franc because it alone named
// all of short English, Spanish, Russian, Persian, Arabic and Chinese passages right —
// franc read Russian as Ukrainian and Persian as Dari, tinyld Persian as Arabic).
// Its smallest table ('extrasmall', ~1 MB) loads in about 0.4 s, once per process, and
// only when a text is first imported, in the process that stores it; detection reads the
// first 600 characters.

/**
 * Enough text to tell languages apart (a few sentences); more only costs time: 26 µs at
 * 400 characters, 67 µs at 1,500; at 4,000 it took a third of a plain-text import.
 */
const SAMPLE = 600;

interface Detector {
  detect(text: string): { language: string; isReliable(): boolean };
}

let loading: Promise<Detector> | null = null;

function detector(): Promise<Detector> {
  loading ??= import('eld').then(async ({ eld }) => {
    // The package's root is its dynamic entry, which loads a table by name; the built app
    // gets the entry with the table built in (electron.vite.config.ts), which has no loader.
    if ('load' in eld) await eld.load('extrasmall');
    return eld as Detector;
  });
  return loading;
}

// English, told by its commonest words before the detector is asked: the detector costs
// ~90 µs a text whatever its length (it scores every language in its table), more than
// storing a plain-text source, and most sources analysts import are English. Only a
// sample of plain ASCII letters where these words are many and varied is taken as English
// this way; any other text (an accent, another script, fewer of these words) goes to the
// detector. Spanish, French, German, Dutch and Italian prose does not pass (tested).
const ENGLISH_WORDS = new Set(['the', 'and', 'of', 'to', 'in', 'that', 'was', 'is', 'for', 'with', 'on', 'by', 'as', 'it', 'he', 'his', 'were', 'from', 'said', 'had', 'has', 'have', 'are', 'be', 'this', 'which', 'not', 'but', 'at']);
const NOT_PLAIN_ASCII = /[^\x00-\x7F]/;

export function plainlyEnglish(sample: string): boolean {
  if (NOT_PLAIN_ASCII.test(sample)) return false;
  const words = sample.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.length < 30) return false;
  let hits = 0;
  const distinct = new Set<string>();
  for (const w of words) {
    if (ENGLISH_WORDS.has(w)) {
      hits++;
      distinct.add(w);
    }
  }
  return hits / words.length >= 0.2 && distinct.size >= 5;
}

/** The ISO 639-1 code of the text's language, or null when the text says too little to tell. */
export async function detectLanguage(text: string): Promise<string | null> {
  const sample = text.slice(0, SAMPLE);
  if (!/\p{L}{2}/u.test(sample)) return null;
  if (plainlyEnglish(sample)) return 'en';
  const result = (await detector()).detect(sample);
  return result.language && result.isReliable() ? result.language : null;
}
