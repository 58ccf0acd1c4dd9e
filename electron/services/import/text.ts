import { normalizeInline, normalizeText } from './normalize';
import type { FormatResult } from './format';

const MAX_HEADLINE_LENGTH = 150;
const MAX_HEADLINE_WORDS = 20;
const SENTENCE_END = /[.!?;:,…]$/;
const CLOSING_MARKS = /[\s"'”’»)\]]+$/;

/**
 * The line as a title when it reads as a headline: short, at most ~20 words, with a
 * letter or digit, and not ending like a sentence (closing quotes and brackets aside).
 * Otherwise null, and the caller falls back to another title (the file name).
 */
export function headlineTitle(line: string): string | null {
  const title = normalizeInline(line, Infinity);
  if (!title || title.length > MAX_HEADLINE_LENGTH) return null;
  if (title.split(' ').length > MAX_HEADLINE_WORDS) return null;
  if (!/[\p{L}\p{N}]/u.test(title)) return null;
  if (SENTENCE_END.test(title.replace(CLOSING_MARKS, ''))) return null;
  return title;
}

/** The first line with any text on it. */
export function firstLine(text: string): string {
  const match = /[^\n]*\S[^\n]*/.exec(text);
  return match ? match[0] : '';
}

/** Plain text: the text as it is (title line included); the title is its headline, if any. */
export function parsePlainText(raw: string): FormatResult {
  const text = normalizeText(raw);
  return { text, meta: { title: headlineTitle(firstLine(text)) }, warnings: [] };
}
