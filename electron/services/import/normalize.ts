// The normalized text of a source is what anchors address (start/end offsets) and what
// the reader shows, so `normalizeText` is a contract: changing it moves every anchor of
// every source imported afterwards. It only ever touches invisible or layout-only
// characters; everything printable (curly quotes, dashes, ellipses, soft hyphens,
// bidi marks, emoji) is kept exactly, because quotes are matched against it.
//
// The rules, in order:
//  1. CRLF, CR, form feed, vertical tab, NEL (U+0085) and LINE SEPARATOR (U+2028) become
//     a newline; PARAGRAPH SEPARATOR (U+2029) becomes a blank line.
//  2. Zero-width spaces (U+200B, U+2060, U+FEFF, so the BOM too) and the
//     other C0/C1 control characters except \n and \t are removed; an unpaired UTF-16
//     surrogate becomes U+FFFD.
//  3. Unicode NFC (after 2, so that removing a character never leaves text un-composed).
//  4. Tabs, spaces and the Unicode spaces (U+00A0, U+1680, U+2000–U+200A, U+202F,
//     U+205F, U+3000): each run becomes one ordinary space.
//  5. Each line is trimmed; three or more newlines become exactly one blank line; the
//     whole text is trimmed.
// The result is idempotent: normalizeText(normalizeText(x)) === normalizeText(x).
// Each step is one linear regex pass: 30 MB of text takes about a second.

const LINE_BREAKS = /\r\n?|[\v\f\u0085\u2028]/g;
const PARAGRAPH_SEPARATOR = /\u2029/g;
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u200B\u2060\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Only runs that change are matched (a lone ordinary space is left alone): replacing
// every single space would make this the slowest step by far.
const SPACES = / [\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+|[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000][\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]*/g;
const SPACE_AROUND_NEWLINE = / \n ?|\n /g;
const BLANK_LINES = /\n{3,}/g;

// Format parsers return normalized text and parseDocument normalizes it again (so that
// the contract holds whatever a parser does): the last result is remembered and, being
// normalized already, given back as is when it comes in again. (normalizeInline's
// short values do not take its place.)
let lastNormalized = '';

export function normalizeText(raw: string): string {
  if (raw === lastNormalized) return raw;
  lastNormalized = normalize(raw);
  return lastNormalized;
}

// Any character the first four steps would touch (a lone surrogate is among the
// surrogates). Most texts have none: one scan then stands for four.
const RARE = /[\r\v\f\u0085\u2028\u2029\u0000-\u0008\u000E-\u001F\u007F-\u009F\u200B\u2060\uFEFF\uD800-\uDFFF]/;

function normalize(raw: string): string {
  const cleaned = RARE.test(raw) ? clean(raw) : raw;
  return cleaned
    .normalize('NFC')
    .replace(SPACES, ' ')
    .replace(SPACE_AROUND_NEWLINE, '\n')
    .replace(BLANK_LINES, '\n\n')
    .trim();
}

/** Rules 1 and 2. */
function clean(raw: string): string {
  return raw
    .replace(LINE_BREAKS, '\n')
    .replace(PARAGRAPH_SEPARATOR, '\n\n')
    .replace(INVISIBLE, '')
    .replace(LONE_SURROGATE, '\uFFFD');
}

/** A metadata value on one line: normalized, newlines become spaces; empty → null. */
export function normalizeInline(raw: string | null | undefined, maxLength = 500): string | null {
  if (raw == null) return null;
  const value = normalize(raw).replace(/\n+/g, ' ');
  if (!value) return null;
  return truncate(value, maxLength);
}

/** Cut to at most `maxLength` characters, at a word boundary when one is near, with "…". */
export function truncate(value: string, maxLength: number): string {
  if (value.length <= maxLength) return value;
  let cut = maxLength - 1;
  if (/[\uD800-\uDBFF]/.test(value[cut - 1])) cut -= 1;
  const space = value.lastIndexOf(' ', cut);
  if (space > maxLength * 0.8) cut = space;
  return `${value.slice(0, cut).trimEnd()}…`;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const WRITTEN_DATE = new RegExp(`^(?:[a-z]+,?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?)\\s+\\d{4}\\b`, 'i');
const HAS_TIME = /\d{1,2}:\d{2}/;
const HAS_ZONE = /(?:\b(?:Z|GMT|UTC)\b|[+-]\d{2}:?\d{2}\s*$)/i;

/**
 * A publication date as `YYYY-MM-DD`, or an ISO timestamp when the source gives a time
 * (kept in its own offset; without one it is local publication time, no offset). Dates
 * that do not parse are kept as written. Deterministic: never depends on the machine's
 * time zone.
 */
export function normalizeDate(raw: string | null | undefined): string | null {
  const value = normalizeInline(raw, 100);
  if (!value) return null;
  const iso = ISO_DATE_TIME.exec(value);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    if (!validDate(+y, +mo, +d) || (h !== undefined && (+h > 23 || +mi > 59 || (s !== undefined && +s > 59)))) {
      return value;
    }
    const date = `${y}-${mo}-${d}`;
    if (h === undefined) return date;
    const offset = !zone ? '' : zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
    return `${date}T${h}:${mi}:${s ?? '00'}${frac ?? ''}${offset}`;
  }
  // Date.parse guesses ("Spring 2024" → 1 January), so only a written-out date with a
  // month name, a day and a year is handed to it; "03/05/2024" is ambiguous and stays.
  if (!WRITTEN_DATE.test(value)) return value;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  const parsed = new Date(time);
  if (HAS_TIME.test(value) && HAS_ZONE.test(value)) return parsed.toISOString().replace('.000Z', 'Z');
  // Without an explicit zone, Date.parse read the value in local time: read it back the same way.
  return `${String(parsed.getFullYear()).padStart(4, '0')}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
