// OCR's rules that the command line, the services and the window share: when pages are
// recognised, how the languages to try are written, and what is kept of a recognised page.

/**
 * auto: a page is recognised when it has no text layer or its text layer is garbage
 * (images always); always: every page that has a picture of itself; never: no OCR
 * (an image then has nothing to import).
 */
export const OCR_MODES = ['auto', 'always', 'never'] as const;
export type OcrMode = (typeof OCR_MODES)[number];

/** Languages tried at once: each one more costs time on every page and adds confusions. */
export const MAX_OCR_LANGUAGES = 3;

/** What a page recognised by OCR keeps beside its text (source_versions.ocr, one per page). */
export interface OcrPageInfo {
  /** 1-based page number (an image file's pages are its frames). */
  page: number;
  /** The engine's mean word confidence for the page, 0–100. */
  confidence: number;
  /** The engine and its version, e.g. "Tesseract 5.1.0 (tesseract.js-core 7.0.0)". */
  engine: string;
  /** The language data used, with versions, e.g. "eng 4.0.0_best_int, spa 4.0.0_best_int". */
  languages: string;
  /** [start, end) offsets, in the version's normalized text, of words read with low confidence. */
  lowConfidence: [number, number][];
}

/** Below this word confidence (0–100) the reader marks a word as uncertain. */
export const LOW_CONFIDENCE = 60;

/**
 * "eng+spa" (or "eng,spa", "eng spa") → ["eng", "spa"]; throws an Error with a message a
 * person can act on when the spelling is wrong or there are too many. Whether each
 * language's data is at hand is checked where the data is (electron/services/ocr).
 */
export function parseOcrLanguages(spec: string): string[] {
  const codes = spec.split(/[+,\s]+/).filter(Boolean);
  if (codes.length === 0) throw new Error('no OCR language given (write them as eng+spa)');
  const bad = codes.find((c) => !/^[A-Za-z][A-Za-z0-9_-]{1,30}$/.test(c));
  if (bad) throw new Error(`“${bad}” is not an OCR language name (Tesseract's names: eng, spa, rus, ara, fas, chi_sim…)`);
  const unique = [...new Set(codes)];
  if (unique.length > MAX_OCR_LANGUAGES) throw new Error(`at most ${MAX_OCR_LANGUAGES} OCR languages at once (${unique.join('+')} is ${unique.length})`);
  return unique;
}

/** Tesseract's language names for the ISO 639-1 codes the language detector gives (common/language.ts). */
export const TESSERACT_LANGUAGE: Readonly<Record<string, string>> = {
  en: 'eng', es: 'spa', fr: 'fra', de: 'deu', it: 'ita', pt: 'por', nl: 'nld', ru: 'rus', uk: 'ukr', pl: 'pol',
  ar: 'ara', fa: 'fas', he: 'heb', tr: 'tur', zh: 'chi_sim', ja: 'jpn', ko: 'kor', hi: 'hin', ur: 'urd',
};

/** What an import is told about OCR: when, in which languages, and where extra language data is. */
export interface OcrRequest {
  mode: OcrMode;
  /** Tesseract language names, at most MAX_OCR_LANGUAGES, tried together. */
  languages: readonly string[];
  /** A folder of extra .traineddata files, or null for the bundled languages only. */
  dataDir: string | null;
}

export const DEFAULT_OCR: OcrRequest = { mode: 'auto', languages: ['eng'], dataDir: null };
