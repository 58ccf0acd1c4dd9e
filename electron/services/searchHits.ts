// Where a search's words are in one source (a search result opened in the reader: every
// hit highlighted, next and previous). The words are those search itself looks for
// (db/searchQuery.ts: folded, with their spellings in the other script and, in a stemmed
// language, their other forms); they are found in the text with the mention matcher's
// folding and whole-word rule, so what is highlighted is what search matched. A prefix
// (`harb*`) marks each whole word that begins so.
import { parseSearchQuery } from '../../db/searchQuery';
import { getSource } from '../../db/sources';
import { STEMMED, stemLanguage } from '../../db/stemming';
import type { Db } from '../../db/workspace';
import { found } from './errors';
import { foldAlias, foldText, wordAt, wordBefore } from './mentions/fold';
import { MentionMatcher } from './mentions/matcher';

/** More hits than this are counted no further (the reader says "5,000+"). */
export const MAX_HITS = 5000;

export interface QueryWords {
  /** Whole words and phrases, folded. */
  words: string[];
  /** Prefixes (`harb*`), folded. */
  prefixes: string[];
}

/**
 * The words a query looks for in a source of `language`: read from the FTS5 expressions
 * search builds (each alternative a quoted string, a star after a prefix), so this never
 * reads the query language a second way. Words to leave out (-word) are not hits.
 */
export function queryWords(query: string, language: string | null = null, asYouType = false): QueryWords {
  const stem = stemLanguage(language);
  const q = parseSearchQuery(query, { asYouType, cyrillic: true, stemming: stem && STEMMED.includes(stem) ? [stem] : [] });
  const words = new Set<string>();
  const prefixes = new Set<string>();
  for (const expression of [q.ftsSources ?? q.fts]) {
    if (!expression) continue;
    const positive = q.exclude ? expression.slice(0, expression.lastIndexOf(') NOT (')) : expression;
    // The stemmed forms' language guard is not a word.
    for (const m of positive.replace(/lang : "[^"]*"/g, '').matchAll(/"([^"]+)"(\*)?/g)) (m[2] ? prefixes : words).add(m[1]);
  }
  for (const w of q.cjkWords) words.add(w);
  return { words: [...words], prefixes: [...prefixes] };
}

/** [start, end) of every place in `text` where one of the words is, in text order (overlaps merged). */
export function hitsInText(text: string, { words, prefixes }: QueryWords, max = MAX_HITS): [number, number][] {
  if (!words.length && !prefixes.length) return [];
  const folded = foldText(text);
  const hits: [number, number][] = words.length ? new MentionMatcher(words.map((w) => ({ entityId: 'word', alias: w }))).scan(folded).map((m) => [m.start, m.end]) : [];
  const f = folded.folded;
  for (const prefix of prefixes.map(foldAlias).filter(Boolean)) {
    for (let at = f.indexOf(prefix); at !== -1 && hits.length < max * 2; at = f.indexOf(prefix, at + 1)) {
      if (at > 0 && wordBefore(f, at)) continue;
      let end = at + prefix.length;
      while (end < f.length && wordAt(f, end)) end++;
      hits.push([folded.toOriginal(at), folded.toOriginal(end)]);
    }
  }
  hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const h of hits) {
    const last = merged[merged.length - 1];
    if (last && h[0] < last[1]) last[1] = Math.max(last[1], h[1]);
    else merged.push([h[0], h[1]]);
    if (merged.length > max) break;
  }
  return merged.slice(0, max);
}

/** The hits of a query in a source's current text; `asYouType` as in search (its last word a prefix while being typed). */
export function searchHits(db: Db, sourceId: string, query: string, asYouType = false): { hits: [number, number][]; more: boolean } {
  const source = found(getSource(db, sourceId), 'source', sourceId);
  const hits = hitsInText(source.text, queryWords(query, source.language ?? null, asYouType), MAX_HITS + 1);
  return { hits: hits.slice(0, MAX_HITS), more: hits.length > MAX_HITS };
}
