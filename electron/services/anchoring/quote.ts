// Finding a quote in a source's normalized text. A passage copied from anywhere (a PDF
// viewer, an e-mail, a web page) must still be found: a run of whitespace in the quote
// matches any run of whitespace in the text, and straight and curly quotes, and the
// various dashes, match each other. Case and every other character must match exactly.
//
// The quote is compiled to a regular expression rather than folding the text, so a
// 30 MB source needs no offset map: the engine reports original offsets directly. The
// characters that match each other are common/punctuation.ts's, as everywhere.
import { APOSTROPHES, DASHES, DOUBLE_QUOTES } from '../../../common/punctuation';

const classOf = (set: string) => `[${set.replace(/[\\\]^-]/g, (c) => `\\${c}`)}]`;
const CLASSES = new Map<string, string>();
for (const [set, cls] of [APOSTROPHES, DOUBLE_QUOTES, DASHES].map((s) => [s, classOf(s)] as const)) {
  for (const ch of set) CLASSES.set(ch, cls);
}

function quotePattern(quote: string): RegExp | null {
  const words = quote.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return null;
  const escapeChar = (ch: string) => CLASSES.get(ch) ?? ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const body = words.map((w) => Array.from(w, escapeChar).join('')).join('\\s+');
  return new RegExp(body, 'gu');
}

export interface QuoteMatch {
  start: number;
  end: number;
}

/** Every non-overlapping occurrence of `quote` in `text`, in order. */
export function findQuote(text: string, quote: string): QuoteMatch[] {
  const re = quotePattern(quote);
  if (!re) return [];
  const matches: QuoteMatch[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) matches.push({ start: m.index, end: m.index + m[0].length });
  return matches;
}

/** Prefix and suffix for the text-quote selector (W3C Web Annotation), cut at 32 characters. */
export function quoteContext(text: string, start: number, end: number, size = 32): { prefix: string; suffix: string } {
  return { prefix: text.slice(Math.max(0, start - size), start), suffix: text.slice(end, end + size) };
}
