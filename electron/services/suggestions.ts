// Offline named-entity recognition over the corpus: people, organizations and places
// that are not entities yet, with counts and example contexts, for the analyst to accept
// (creating the entity) or reject (remembered). compromise runs fully offline.
import nlp from 'compromise';
import type { Db } from '../../db/workspace';
import type { EntityType } from '../../db/domain';
import { allNames } from '../../db/entities';
import { getRecognisedNames, putRecognisedNames, rejectedSuggestions, rejectSuggestionName } from '../../db/recognisedNames';
import { currentTexts } from '../../db/sources';
import { foldAlias } from './mentions/fold';
import type { Suggestion } from './views';
export type { Suggestion };


interface Found {
  name: string;
  type: EntityType;
  offset: number;
}

/**
 * Who recognised the names: compromise's version and the version of the filtering below.
 * Stored results of another recogniser are not used (bump the suffix when the filter changes).
 */
const RECOGNISER = `compromise ${(nlp as unknown as { version?: string }).version ?? '?'}/1`;

/**
 * Names in a text, by its hash: from the workspace when recognised before (recognition
 * is the slow part, and a text's names never change), else recognised now and added to
 * `fresh` for the caller to keep.
 */
function recognise(db: Db, text: string, hash: string, fresh: Map<string, Found[]>): Found[] {
  const stored = getRecognisedNames(db, hash, RECOGNISER);
  if (stored !== null) {
    try {
      return JSON.parse(stored) as Found[];
    } catch {
      // A damaged row is recognised again and replaced.
    }
  }
  const found = fresh.get(hash) ?? recogniseText(text);
  fresh.set(hash, found);
  return found;
}

function recogniseText(text: string): Found[] {
  const doc = nlp(text);
  const found: Found[] = [];
  const collect = (view: { json(options: object): unknown }, type: EntityType) => {
    for (const m of view.json({ offset: true, text: true }) as { text: string; offset: { start: number } }[]) {
      const name = m.text.replace(/[\s.,;:!?)"'”’]+$/u, '').replace(/^[("'“‘]+/u, '').replace(/[’']s$/u, '').trim();
      if (name.length < 3 || !/\p{Lu}/u.test(name[0]) || name.split(/\s+/).length > 6) continue;
      found.push({ name, type, offset: m.offset.start });
    }
  };
  collect(doc.people(), 'person');
  collect(doc.organizations(), 'organization');
  collect(doc.places(), 'location');
  return found;
}

export function suggestEntities(db: Db, limit = 100): Suggestion[] {
  const known = new Set(allNames(db).map((n) => foldAlias(n.alias)));
  const rejected = new Set(rejectedSuggestions(db).map(foldAlias));
  const byName = new Map<string, Suggestion>();
  const sources = currentTexts(db);
  const fresh = new Map<string, Found[]>();
  for (const s of sources) {
    for (const f of recognise(db, s.text, s.contentHash, fresh)) {
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
  // Kept in one transaction; a read-only workspace (another process holds it) goes without.
  if (fresh.size && !db.readonly) {
    db.transaction(() => {
      for (const [hash, found] of fresh) putRecognisedNames(db, hash, RECOGNISER, JSON.stringify(found));
    }).immediate();
  }
  return [...byName.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, limit);
}

export function rejectSuggestion(db: Db, name: string): void {
  rejectSuggestionName(db, name.trim());
}
