// The engine's words → a page's normalized text, with where each uncertain word lies in it.
// Built by us from the word list (Tesseract's TSV), not from its plain text, so that every
// word's offsets are known: a paragraph (Tesseract's block and paragraph) ends with a blank
// line, a line with a line break, words are joined by a space, and a word hyphenated at a
// line end ("infor-" / "mation") is joined as the PDF importer joins it.
import { LOW_CONFIDENCE } from '../../../common/ocr';
import { normalizeText } from '../import/normalize';

export interface OcrWord {
  block: number;
  paragraph: number;
  line: number;
  /** 0–100; -1 when the engine gives none. */
  confidence: number;
  text: string;
}

export interface OcrText {
  text: string;
  /** [start, end) in `text` of each word read with a confidence below LOW_CONFIDENCE. */
  lowConfidence: [number, number][];
  words: number;
}

/** Tesseract's TSV (level page block par line word left top width height conf text) → its words. */
export function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells.length < 12 || cells[0] !== '5') continue;
    const text = cells.slice(11).join('\t').trim();
    if (!text) continue;
    words.push({ block: +cells[2], paragraph: +cells[3], line: +cells[4], confidence: Number(cells[10]), text });
  }
  return words;
}

const HYPHEN_END = /\p{Ll}[-\u2010\u00AD]$/u;
const LOWER_START = /^\p{Ll}/u;
/** What normalization would change inside a word: control, invisible and space characters. */
const UNSAFE = /[\s\u0000-\u001F\u007F-\u009F\u200B\u2060\uFEFF\uD800-\uDFFF]/u;

export function buildOcrText(words: readonly OcrWord[]): OcrText {
  let text = '';
  const low: [number, number][] = [];
  let prev: OcrWord | null = null;
  let pendingHyphen: { start: number; confidence: number } | null = null;
  for (const word of words) {
    const value = word.text.normalize('NFC').replace(new RegExp(UNSAFE.source, 'gu'), '');
    if (!value) continue;
    let start: number;
    let confidence = word.confidence;
    if (pendingHyphen && prev && word.line !== prev.line && word.paragraph === prev.paragraph && word.block === prev.block && LOWER_START.test(value)) {
      // "infor-" ⏎ "mation": the hyphen goes, the two halves are one word.
      text = text.slice(0, -1);
      start = pendingHyphen.start;
      confidence = Math.min(confidence, pendingHyphen.confidence);
      if (low.length && low[low.length - 1][0] === start) low.pop();
    } else {
      if (prev) text += prev.block !== word.block || prev.paragraph !== word.paragraph ? '\n\n' : prev.line !== word.line ? '\n' : ' ';
      start = text.length;
    }
    text += value;
    if (confidence >= 0 && confidence < LOW_CONFIDENCE) low.push([start, text.length]);
    pendingHyphen = HYPHEN_END.test(value) ? { start, confidence } : null;
    prev = word;
  }
  // Built normalized; should a word still hold something normalization changes, the text is
  // normalized and its uncertain words are not marked, rather than marked in the wrong place.
  const normalized = normalizeText(text);
  if (normalized !== text) return { text: normalized, lowConfidence: [], words: words.length };
  return { text, lowConfidence: low, words: words.length };
}
