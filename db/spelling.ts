import type { Db } from './workspace';
import { prepared } from './statements';
import { foldWord } from '../common/scriptFold';
import { isIndexed } from './vocabulary';

// "Did you mean": when a search matches nothing, each word the index has never seen is
// compared with the words it has (FTS5's own vocabulary, read through an fts5vocab table
// in the connection's temp schema: nothing is stored, nothing to keep up to date) and
// replaced by the closest one that is common in the sources. "Hezbolah" becomes
// "hezbollah", "sanctoins" "sanctions". Only words starting with the same letter are
// compared: a first letter is rarely the mistyped one, and it keeps the scan to one slice
// of the vocabulary's order.

/** Edits allowed: one in a word of up to 4 letters, two beyond (as most spell checkers). */
const maxEdits = (length: number) => (length <= 4 ? 1 : 2);

/** Optimal string alignment distance (Levenshtein with transpositions), stopping beyond `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** The closest common word of the sources to `word` (already folded), or null. */
export function closestWord(db: Db, word: string): string | null {
  if (isIndexed(db, word)) return null;
  const limit = maxEdits(word.length);
  const first = word[0];
  const next = String.fromCodePoint(first.codePointAt(0)! + 1);
  const candidates = prepared(db, `SELECT term, doc FROM temp.sources_vocab WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?`).all(first, next, word.length - limit, word.length + limit) as { term: string; doc: number }[];
  let best: { term: string; distance: number; doc: number } | null = null;
  for (const c of candidates) {
    const distance = editDistance(word, c.term, limit);
    if (distance > limit) continue;
    if (!best || distance < best.distance || (distance === best.distance && c.doc > best.doc)) best = { term: c.term, distance, doc: c.doc };
  }
  return best?.term ?? null;
}

/**
 * The query with each bare word the sources never use replaced by the closest one they
 * do, or null when nothing would change. Filters (field:value), quoted phrases, excluded
 * words, OR and prefixes (word*) are left exactly as typed.
 */
export function correctedQuery(db: Db, input: string): string | null {
  let changed = false;
  const out = input.replace(/(^|\s)([\p{L}\p{M}]{3,})(?=\s|$)/gu, (whole, lead: string, word: string, offset: number) => {
    // Inside a phrase (an odd number of quotes before it) it stays.
    if ((input.slice(0, offset).match(/"/g)?.length ?? 0) % 2 === 1 || word === 'OR') return whole;
    const folded = foldWord(word).toLowerCase();
    if (!folded) return whole;
    const closest = closestWord(db, folded);
    if (!closest || closest === folded) return whole;
    changed = true;
    return `${lead}${closest}`;
  });
  return changed ? out : null;
}
