// The search language a person types, read into an FTS5 expression (every word quoted:
// FTS5 syntax never reaches the engine from input) and filters db/search.ts turns into SQL:
//   word          the whole word (diacritics folded)        word*      words beginning so
//   "a phrase"    those words in that order                 -word      without it (-"a phrase" too)
//   a OR b        either                                    kind:source|excerpt|brief
//   title:X       the title contains X (a source's, a brief's; an excerpt's source's)
//   publisher:X   the source's publisher contains X         tag:X      excerpts tagged X or X/…
//   entity:X      tagged with, or mentioning, the entity named X (or with alias X)
//   before:2025-06 (earlier than June 2025), after:2024 (in 2024 or later): a source's
//                 publication date, an excerpt's event date (else its source's), a brief's
//                 last change; an item without a date is left out
// A filter value with spaces goes in quotes: publisher:"Coastal Ledger".

export type SearchKind = 'source' | 'excerpt' | 'brief';

export interface SearchFilters {
  title: string[];
  publisher: string[];
  tag: string[];
  entity: string[];
  /** Dates as typed, YYYY[-MM[-DD]]: compared as text with the stored ISO dates. */
  before: string | null;
  after: string | null;
  /** The kinds asked for (kind:), or null for all. */
  kinds: SearchKind[] | null;
}

export interface SearchQuery {
  /** The FTS5 expression of the words, or null when the query has none (filters alone). */
  fts: string | null;
  /** Words that must not be there, as an FTS5 expression (for a query of filters and exclusions alone). */
  exclude: string | null;
  /** The shortest prefix in it (Infinity when none): a one- or two-letter prefix matches nearly everything. */
  shortestPrefix: number;
  filters: SearchFilters;
}

const WORD = /[\p{L}\p{N}]+/gu;
const FIELDS = new Set(['title', 'publisher', 'tag', 'entity', 'before', 'after', 'kind']);
const KINDS = new Set<SearchKind>(['source', 'excerpt', 'brief']);
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

interface Term {
  /** The quoted FTS5 string, with its prefix star. */
  fts: string;
  negated: boolean;
  /** The length of its prefix, when it is one. */
  prefix: number | null;
  /** A bare word at the very end of the input (the one still being typed). */
  last: boolean;
}

/** Splits the input into tokens: "quoted", field:"quoted", field:value, -x, OR, words. */
function tokens(input: string): { text: string; quoted: boolean; field: string | null; negated: boolean; end: number }[] {
  const out: { text: string; quoted: boolean; field: string | null; negated: boolean; end: number }[] = [];
  const re = /(-)?(?:([A-Za-z]+):)?(?:"([^"]*)"?|([^\s"]+))/gu;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    const field = m[2] && FIELDS.has(m[2].toLowerCase()) ? m[2].toLowerCase() : null;
    const quoted = m[3] !== undefined;
    // An unknown "field:" is just words ("10:30", "re:").
    const text = quoted ? m[3] : field ? m[4] : `${m[2] ? `${m[2]}:` : ''}${m[4]}`;
    out.push({ text, quoted, field, negated: !!m[1], end: re.lastIndex });
  }
  return out;
}

function termsOf(text: string, quoted: boolean, negated: boolean, atEnd: boolean): Term[] {
  const words = text.match(WORD) ?? [];
  if (!words.length) return [];
  if (quoted) return [{ fts: `"${words.join(' ')}"`, negated, prefix: null, last: false }];
  const star = /\*\s*$/.test(text);
  return words.map((w, i) => {
    const isLast = i === words.length - 1;
    const prefix = star && isLast;
    return { fts: `"${w}"${prefix ? '*' : ''}`, negated, prefix: prefix ? w.length : null, last: isLast && atEnd && !star && /[\p{L}\p{N}]$/u.test(text) };
  });
}

/**
 * Reads what a person typed. `asYouType` (the app's search box, still being typed) makes
 * the last bare word a prefix too, unless a space or a closing quote says it is finished.
 */
export function parseSearchQuery(input: string, options: { asYouType?: boolean } = {}): SearchQuery {
  const filters: SearchFilters = { title: [], publisher: [], tag: [], entity: [], before: null, after: null, kinds: null };
  // Groups of alternatives, all required: `a OR b c` is [[a, b], [c]].
  const groups: Term[][] = [];
  const excluded: Term[] = [];
  let or = false;
  for (const t of tokens(input)) {
    const atEnd = t.end === input.length;
    if (!t.quoted && !t.field && !t.negated && t.text === 'OR') {
      or = groups.length > 0;
      continue;
    }
    if (t.field) {
      const value = t.text.trim();
      if (!value) continue;
      if (t.field === 'before' || t.field === 'after') {
        if (DATE.test(value)) filters[t.field] = value;
      } else if (t.field === 'kind') {
        const kind = value.toLowerCase().replace(/s$/, '') as SearchKind;
        if (KINDS.has(kind)) filters.kinds = [...(filters.kinds ?? []), kind];
      } else filters[t.field as 'title' | 'publisher' | 'tag' | 'entity'].push(value);
      or = false;
      continue;
    }
    const terms = termsOf(t.text, t.quoted, t.negated, atEnd);
    if (t.negated) {
      excluded.push(...terms);
      continue;
    }
    for (const [i, term] of terms.entries()) {
      if (or && i === 0 && groups.length) groups[groups.length - 1].push(term);
      else groups.push([term]);
    }
    or = false;
  }
  let shortestPrefix = Infinity;
  const last = groups.at(-1)?.at(-1);
  if (options.asYouType && last?.last) {
    last.fts = `${last.fts}*`;
    last.prefix = last.fts.length - 3;
  }
  for (const term of groups.flat()) if (term.prefix !== null) shortestPrefix = Math.min(shortestPrefix, term.prefix);
  const positive = groups.map((g) => (g.length === 1 ? g[0].fts : `(${g.map((t) => t.fts).join(' OR ')})`)).join(' AND ');
  const exclude = excluded.length ? excluded.map((t) => t.fts).join(' OR ') : null;
  return {
    fts: positive ? (exclude ? `(${positive}) NOT (${exclude})` : positive) : null,
    exclude,
    shortestPrefix,
    filters,
  };
}

/** True when the query narrows by anything but words. */
export function hasFilters(f: SearchFilters): boolean {
  return f.title.length > 0 || f.publisher.length > 0 || f.tag.length > 0 || f.entity.length > 0 || f.before !== null || f.after !== null || f.kinds !== null;
}
