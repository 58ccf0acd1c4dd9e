// Offline named-entity recognition over the corpus: people, organizations and places
// that are not entities yet, with counts and example contexts, for the analyst to accept
// (creating the entity) or reject (remembered). compromise runs fully offline. It knows
// English only: sources of another language are not read (in Spanish or Russian it finds
// noise, and in Arabic or Chinese nothing), and suggestionCoverage says so.
import type { Db } from '../../db/workspace';
import { allNames } from '../../db/entities';
import { getRecognisedNames, putRecognisedNames, recognitionByLanguage, rejectedSuggestions, rejectSuggestionName } from '../../db/recognisedNames';
import { currentTexts, languageCounts, sourceLanguages } from '../../db/sources';
import { suggestionsRead } from '../../common/language';
import { foldAlias } from './mentions/fold';
import { RECOGNISER, type Found } from './mentions/recogniseText';
import { recogniseOffThread } from './mentions/recogniser';
import type { Suggestion } from './views';
export type { Suggestion };

/** The names stored for a text by its hash (a text's names never change), or null. */
function stored(db: Db, hash: string): Found[] | null {
  const json = getRecognisedNames(db, hash, RECOGNISER);
  if (json === null) return null;
  try {
    return JSON.parse(json) as Found[];
  } catch {
    return null; // a damaged row is recognised again and replaced
  }
}

/**
 * Names found across the corpus that are not entities yet (nor rejected), most frequent
 * first. Texts recognised before are read from the workspace; the others are recognised
 * off this thread, one at a time (other requests are served meanwhile), and each one's
 * names are kept as soon as it is done, so work is never lost. With `budgetMs`, no new
 * text is started after that long: the answer covers what is recognised so far, and the
 * next call goes on from there. A text that cannot be recognised (too large to finish in
 * its time, out of memory) is left out.
 */
export async function suggestEntities(db: Db, options: { limit?: number; budgetMs?: number } = {}): Promise<Suggestion[]> {
  const started = Date.now();
  const known = new Set(allNames(db).map((n) => foldAlias(n.alias)));
  const rejected = new Set(rejectedSuggestions(db).map(foldAlias));
  const byName = new Map<string, Suggestion>();
  const languages = sourceLanguages(db);
  for (const s of currentTexts(db)) {
    if (!suggestionsRead(languages.get(s.id) ?? null)) continue;
    let found = stored(db, s.contentHash);
    if (found === null) {
      if (options.budgetMs !== undefined && Date.now() - started > options.budgetMs) continue;
      const r = await recogniseOffThread(s.text);
      if ('failed' in r) continue;
      found = r.found;
      // A read-only workspace (another process holds it) goes without keeping them.
      if (!db.readonly) putRecognisedNames(db, s.contentHash, RECOGNISER, JSON.stringify(found));
    }
    for (const f of found) {
      const key = foldAlias(f.name);
      if (known.has(key) || rejected.has(key)) continue;
      let entry = byName.get(key);
      if (!entry) byName.set(key, (entry = { name: f.name, type: f.type, count: 0, examples: [] }));
      entry.count++;
      if (entry.examples.length < 3) {
        const from = Math.max(0, f.offset - 80);
        entry.examples.push({ sourceId: s.id, context: `${from > 0 ? '…' : ''}${s.text.slice(from, f.offset + f.name.length + 80).replace(/\s+/g, ' ').trim()}…` });
      }
    }
  }
  return [...byName.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, options.limit ?? 100);
}

/** How far name suggestions have got: of the sources they read, how many are read already (a determinate progress). */
export function suggestionProgress(db: Db): { read: number; total: number } {
  let read = 0;
  let total = 0;
  for (const l of recognitionByLanguage(db, RECOGNISER)) {
    if (!suggestionsRead(l.language)) continue;
    read += l.read;
    total += l.total;
  }
  return { read, total };
}

/** The sources name suggestions do not read (their language is not English), by language. */
export function suggestionCoverage(db: Db): { notRead: { language: string; count: number }[] } {
  return { notRead: languageCounts(db).filter((l): l is { language: string; count: number } => l.language !== null && !suggestionsRead(l.language)) };
}

export function rejectSuggestion(db: Db, name: string): void {
  rejectSuggestionName(db, name.trim());
}
