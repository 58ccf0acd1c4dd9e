// Finding a quote in a source's normalized text. A passage copied from anywhere (a PDF
// viewer, an e-mail, a web page) must still be found: a run of whitespace in the quote
// matches any run of whitespace in the text, and straight and curly quotes, and the
// various dashes, match each other. Case and every other character must match exactly.
//
// The quote is matched as it stands, unit by unit, with no regular expression built from
// it (a 30,000-character quote made one too large to compile) and no folded copy of the
// text (a 30 MB source needs no offset map): offsets are the text's own. The characters
// that match each other are common/punctuation.ts's, as everywhere.
import { APOSTROPHES, DASHES, DOUBLE_QUOTES } from '../../../common/punctuation';

/** Each punctuation character → the first of its set, so the members compare equal. */
const CANONICAL = new Map<number, number>();
for (const set of [APOSTROPHES, DOUBLE_QUOTES, DASHES]) for (const ch of set) CANONICAL.set(ch.charCodeAt(0), set.charCodeAt(0));
const canonical = (unit: number) => CANONICAL.get(unit) ?? unit;

/** JavaScript's \s: what separates words in a quote and in a text. */
const SPACE = /\s/u;
const isSpace = (unit: number) => unit < 0x80 ? unit === 32 || (unit >= 9 && unit <= 13) : SPACE.test(String.fromCharCode(unit));

export interface QuoteMatch {
  start: number;
  end: number;
}

/** Every non-overlapping occurrence of `quote` in `text`, in order (leftmost first). */
export function findQuote(text: string, quote: string): QuoteMatch[] {
  const words = quote.trim().split(/\s+/u).filter(Boolean).map((w) => Array.from({ length: w.length }, (_, i) => canonical(w.charCodeAt(i))));
  if (words.length === 0) return [];
  const first = words[0][0];
  // Where a match can start: the first character, or (for punctuation) any of its set.
  const starts = [...CANONICAL].filter(([, c]) => c === first).map(([u]) => String.fromCharCode(u));
  const firstChars = starts.length ? starts : [String.fromCharCode(first)];
  const n = text.length;
  const matchAt = (at: number): number => {
    let p = at;
    for (let w = 0; w < words.length; w++) {
      if (w > 0) {
        if (p >= n || !isSpace(text.charCodeAt(p))) return -1;
        while (p < n && isSpace(text.charCodeAt(p))) p++;
      }
      for (const unit of words[w]) {
        if (p >= n || canonical(text.charCodeAt(p)) !== unit) return -1;
        p++;
      }
    }
    return p;
  };
  const matches: QuoteMatch[] = [];
  // The next position of each possible first character, looked up again only once passed
  // (so a character absent from the text is searched for once, not at every candidate).
  const next = firstChars.map(() => -1);
  let from = 0;
  while (from < n) {
    let at = -1;
    firstChars.forEach((ch, k) => {
      if (next[k] !== Infinity && next[k] < from) {
        const i = text.indexOf(ch, from);
        next[k] = i === -1 ? Infinity : i;
      }
      if (next[k] !== Infinity && (at < 0 || next[k] < at)) at = next[k];
    });
    if (at < 0) break;
    const end = matchAt(at);
    if (end >= 0) {
      matches.push({ start: at, end });
      from = end;
    } else from = at + 1;
  }
  return matches;
}

/** Prefix and suffix for the text-quote selector (W3C Web Annotation), cut at 32 characters. */
export function quoteContext(text: string, start: number, end: number, size = 32): { prefix: string; suffix: string } {
  return { prefix: text.slice(Math.max(0, start - size), start), suffix: text.slice(end, end + size) };
}
