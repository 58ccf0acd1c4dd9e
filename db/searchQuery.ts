import { cjkQuery, hasCjk } from '../common/cjk';
import { foldWord } from '../common/scriptFold';
import { cyrillicToLatin, isCyrillic, latinToCyrillic } from '../common/transliteration';
import { wordForms, type StemLanguage } from './stemming';

// The search language a person types, read into an FTS5 expression (every word quoted:
// FTS5 syntax never reaches the engine from input) and filters db/search.ts turns into SQL:
//   word          the whole word (diacritics folded)        word*      words beginning so
//   "a phrase"    those words in that order                 -word      without it (-"a phrase" too)
//   a OR b        either                                    kind:source|excerpt|brief
//   title:X       the title contains X (a source's, a brief's; an excerpt's source's)
//   publisher:X   the source's publisher contains X         tag:X      sources or excerpts tagged X or X/…
//   entity:X      tagged with, or mentioning, the entity named X (or with alias X)
//   before:2025-06 (earlier than June 2025), after:2024 (in 2024 or later): a source's
//                 publication date, an excerpt's event date (else its source's), a brief's
//                 last change; an item without a date is left out
//   date:2024     that same date within that period (date:2024-03, date:2024-03-02)
//   added:2026-11 imported (a source), made (an excerpt) or begun (a brief) in that period
//   state:fuzzy   excerpts whose passage is in that anchoring state: exact, moved, fuzzy
//                 (to confirm), orphaned
// A filter value with spaces goes in quotes: publisher:"Coastal Ledger".
//   lang:es       sources in that language (language: too; `es` also matches `es-MX`), excerpts of them
//   grade:B       sources graded B (their own grade, else their publisher's), excerpts of them;
//                 grade:B2 excerpts of such sources whose credibility is 2
// Across scripts (issue #14): every word is folded as the index is (common/scriptFold.ts);
// a bare word in Russian Cyrillic also looks for its Latin transliteration and a bare
// Latin word for the Cyrillic it may transliterate (common/transliteration.ts); a word of
// Chinese, Japanese or Korean characters goes to the index of character pairs (common/cjk.ts);
// a bare word also finds the other forms of its stem in English, Spanish and Russian sources
// (db/stemming.ts; the source index's `lang` column says which are which).

export type SearchKind = 'source' | 'excerpt' | 'brief';

export interface SearchFilters {
  title: string[];
  publisher: string[];
  tag: string[];
  entity: string[];
  /** Dates as typed, YYYY[-MM[-DD]]: compared as text with the stored ISO dates. */
  before: string | null;
  after: string | null;
  /** A period (YYYY[-MM[-DD]]) the item's date (as before:/after: read it) falls in. */
  date: string | null;
  /** A period the item was added to the workspace in. */
  added: string | null;
  /** Excerpts' anchoring states asked for (state:). */
  state: string[];
  /** The kinds asked for (kind:), or null for all. */
  kinds: SearchKind[] | null;
  /** Languages asked for (lang:), as typed. */
  language: string[];
  /** Admiralty grades asked for (grade:B, grade:B2), upper case: a reliability letter, and an excerpt's credibility digit. */
  grade: string[];
}

export interface SearchQuery {
  /** The FTS5 expression of the words, or null when the query has none (filters alone). */
  fts: string | null;
  /** The same for the source index, whose sources of a stemmed language also match their words' other forms. */
  ftsSources: string | null;
  /** The FTS5 expression over the CJK pair index of the query's CJK words, or null when it has none. */
  cjk: string | null;
  /** The query's CJK words as typed (a snippet is cut around them). */
  cjkWords: string[];
  /** Words that must not be there, as an FTS5 expression (for a query of filters and exclusions alone). */
  exclude: string | null;
  /** The shortest prefix in it (Infinity when none): a one- or two-letter prefix matches nearly everything. */
  shortestPrefix: number;
  filters: SearchFilters;
}

// Marks (\p{M}) belong to the word: an Arabic word's harakat, a decomposed accent.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const FIELDS = new Set(['title', 'publisher', 'tag', 'entity', 'before', 'after', 'date', 'added', 'state', 'kind', 'lang', 'language', 'grade']);
export const ANCHOR_STATES = ['exact', 'moved', 'fuzzy', 'orphaned'] as const;
const GRADE = /^[A-F][1-6]?$/;
const KINDS = new Set<SearchKind>(['source', 'excerpt', 'brief']);
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

interface Term {
  /** The word (or, for a phrase, the words) and its other spellings, folded. */
  alternatives: string[];
  phrase: boolean;
  negated: boolean;
  /** The length of its prefix, when it is one. */
  prefix: number | null;
  /** A bare word at the very end of the input (the one still being typed). */
  last: boolean;
  /** Written in CJK characters: looked up in the pair index. */
  cjk: boolean;
  /** A bare whole word's other forms, by stemmed language (sources of that language only). */
  forms: Partial<Record<StemLanguage, string[]>>;
}

/** The term as an FTS5 expression: every word quoted, the star outside the quotes. */
function render(t: Term, stems = false, sole: StemLanguage | null = null): string {
  const star = t.prefix !== null ? '*' : '';
  if (t.cjk) return cjkQuery(t.alternatives[0], t.prefix !== null);
  const each = t.alternatives.map((a) => `"${a}"${star}`);
  if (stems && t.prefix === null)
    for (const [language, forms] of Object.entries(t.forms)) {
      if (!forms.length) continue;
      // In a workspace whose sources are all of this language (or of none known), no source
      // needs telling apart: the forms are looked for everywhere, without reading the whole
      // `lang` column's list for each word (which cost more than the forms themselves).
      if (language === sole) each.push(...forms.map((f) => `"${f}"`));
      else each.push(`(lang : "${language}" AND (${forms.map((f) => `"${f}"`).join(' OR ')}))`);
    }
  return each.length === 1 ? each[0] : `(${each.join(' OR ')})`;
}

/** How many of a Latin word's Cyrillic spellings get their Russian forms looked for (each is some 60 stems). */
const RU_BASES = 3;

/** A word's other forms in each stemmed language of the workspace (not itself, nor a form already looked for). */
function formsOf(word: string, alternatives: string[], languages: readonly StemLanguage[], indexed?: (term: string) => boolean): Partial<Record<StemLanguage, string[]>> {
  const out: Partial<Record<StemLanguage, string[]>> = {};
  const have = new Set(alternatives.map((a) => a.toLowerCase()));
  for (const language of languages) {
    // Only the forms the index holds: each other one would be one more lookup in every segment, for nothing.
    // Russian forms are of the Cyrillic spellings: the word itself, or a Latin word's
    // likeliest transliterations ("Patrusheva" finds "Патрушев" and "Патрушеву").
    const bases = language === 'ru' ? alternatives.filter(isCyrillic).slice(0, RU_BASES) : [word];
    const forms = [...new Set(bases.flatMap((b) => wordForms(b, language)))].filter((f) => !have.has(f) && (!indexed || indexed(f)));
    if (forms.length) out[language] = forms;
  }
  return out;
}

/** Shorter words are left alone: "a" would also look for "а", noise in any text. */
const TRANSLITERATE_FROM = 3;

/** A bare word and its spellings in the other script (Russian Cyrillic ↔ Latin). */
function spellings(word: string, cyrillic: boolean): string[] {
  if (word.length < TRANSLITERATE_FROM) return [word];
  if (isCyrillic(word)) {
    const latin = cyrillicToLatin(word);
    return latin !== word.toLowerCase() && /^[a-z]+$/.test(latin) ? [word, latin] : [word];
  }
  return cyrillic ? [word, ...latinToCyrillic(word)] : [word];
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

function termsOf(text: string, quoted: boolean, negated: boolean, atEnd: boolean, cyrillic: boolean, stemming: readonly StemLanguage[], indexed?: (term: string) => boolean): Term[] {
  const words = (text.match(WORD) ?? []).map(foldWord).filter((w) => w.length > 0);
  if (!words.length) return [];
  if (quoted) {
    const cjk = words.length === 1 && hasCjk(words[0]);
    return [{ alternatives: [words.join(' ')], phrase: true, negated, prefix: null, last: false, cjk, forms: {} }];
  }
  const star = /\*\s*$/.test(text);
  return words.map((w, i) => {
    const isLast = i === words.length - 1;
    const prefix = star && isLast;
    const cjk = hasCjk(w);
    const alternatives = cjk ? [w] : spellings(w, cyrillic);
    return {
      alternatives,
      phrase: false,
      negated,
      prefix: prefix ? w.length : null,
      last: isLast && atEnd && !star && /[\p{L}\p{N}\p{M}]$/u.test(text),
      cjk,
      forms: cjk || negated || prefix ? {} : formsOf(w, alternatives, stemming, indexed),
    };
  });
}

/**
 * Reads what a person typed. `asYouType` (the app's search box, still being typed) makes
 * the last bare word a prefix too, unless a space or a closing quote says it is finished.
 * `cyrillic: false` (a workspace with no source that may be in Cyrillic) spares a Latin
 * word its Cyrillic spellings, which could find nothing there; `stemming` names the stemmed
 * languages the workspace has sources in (none: words are matched as typed);
 * `soleLanguage` the one of them every source with a known language is in, if any;
 * `indexed` says whether the source index holds a word (a stemmed form it does not is left out).
 */
export function parseSearchQuery(input: string, options: { asYouType?: boolean; cyrillic?: boolean; stemming?: readonly StemLanguage[]; soleLanguage?: StemLanguage | null; indexed?: (term: string) => boolean } = {}): SearchQuery {
  const filters: SearchFilters = { title: [], publisher: [], tag: [], entity: [], before: null, after: null, date: null, added: null, state: [], kinds: null, language: [], grade: [] };
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
      if (t.field === 'before' || t.field === 'after' || t.field === 'date' || t.field === 'added') {
        if (DATE.test(value)) filters[t.field] = value;
      } else if (t.field === 'state') {
        const state = value.toLowerCase();
        if ((ANCHOR_STATES as readonly string[]).includes(state)) filters.state.push(state);
      } else if (t.field === 'kind') {
        const kind = value.toLowerCase().replace(/s$/, '') as SearchKind;
        if (KINDS.has(kind)) filters.kinds = [...(filters.kinds ?? []), kind];
      } else if (t.field === 'lang' || t.field === 'language') filters.language.push(value);
      else if (t.field === 'grade') {
        if (GRADE.test(value.toUpperCase())) filters.grade.push(value.toUpperCase());
      }
      else filters[t.field as 'title' | 'publisher' | 'tag' | 'entity'].push(value);
      or = false;
      continue;
    }
    const terms = termsOf(t.text, t.quoted, t.negated, atEnd, options.cyrillic ?? true, options.stemming ?? [], options.indexed);
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
  if (options.asYouType && last?.last) last.prefix = last.alternatives[0].length; // a prefix: no other forms (render)
  for (const term of groups.flat()) if (term.prefix !== null && !term.cjk) shortestPrefix = Math.min(shortestPrefix, term.prefix);
  // A group all of CJK words goes to the pair index; any other to the word index (a CJK
  // word there matches only a whole run of such characters).
  const cjkGroups = groups.filter((g) => g.every((t) => t.cjk));
  const wordGroups = groups.filter((g) => !g.every((t) => t.cjk));
  const sole = options.soleLanguage ?? null;
  const expression = (gs: Term[][], stems = false) => gs.map((g) => (g.length === 1 ? render(g[0], stems, sole) : `(${g.map((t) => render(t, stems, sole)).join(' OR ')})`)).join(' AND ');
  const positive = expression(wordGroups);
  const positiveSources = expression(wordGroups, true);
  const exclude = excluded.filter((t) => !t.cjk).length ? excluded.filter((t) => !t.cjk).map((t) => render(t)).join(' OR ') : null;
  const cjkExclude = excluded.filter((t) => t.cjk).map((t) => render(t)).join(' OR ');
  const cjkPositive = expression(cjkGroups);
  return {
    fts: positive ? (exclude ? `(${positive}) NOT (${exclude})` : positive) : null,
    ftsSources: positiveSources ? (exclude ? `(${positiveSources}) NOT (${exclude})` : positiveSources) : null,
    cjk: cjkPositive ? (cjkExclude ? `(${cjkPositive}) NOT (${cjkExclude})` : cjkPositive) : null,
    cjkWords: cjkGroups.flat().map((t) => t.alternatives[0].replace(/ /g, '')),
    exclude,
    shortestPrefix,
    filters,
  };
}

/** True when the query narrows by anything but words. */
export function hasFilters(f: SearchFilters): boolean {
  return f.title.length > 0 || f.publisher.length > 0 || f.tag.length > 0 || f.entity.length > 0 || f.before !== null || f.after !== null || f.date !== null || f.added !== null || f.state.length > 0 || f.kinds !== null || f.language.length > 0 || f.grade.length > 0;
}
