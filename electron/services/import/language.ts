// The language of a text, detected offline with eld (Efficient Language Detector: n-gram
// tables in the package, no download; chosen over tinyld and franc because it alone named
// all of short English, Spanish, Russian, Persian, Arabic and Chinese passages right —
// franc read Russian as Ukrainian and Persian as Dari, tinyld Persian as Arabic).
// Its smallest table ('extrasmall', ~1 MB) loads in about 0.4 s, once per process, and
// only when a text is first imported; detection reads the first few thousand characters.

/** Enough text to tell languages apart; more only costs time. */
const SAMPLE = 4000;

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

/** The ISO 639-1 code of the text's language, or null when the text says too little to tell. */
export async function detectLanguage(text: string): Promise<string | null> {
  const sample = text.slice(0, SAMPLE);
  if (!/\p{L}{2}/u.test(sample)) return null;
  const result = (await detector()).detect(sample);
  return result.language && result.isReliable() ? result.language : null;
}
