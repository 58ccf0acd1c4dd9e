import type { Db } from './workspace';
import { prepared } from './statements';
import { newId, nowIso } from './ids';
import { searchFacets } from './searchFacets';
import type { SavedSearch } from './domain';
import { parseSearchQuery, hasFilters } from './searchQuery';

// Saved searches: a name and a query, run again whenever they are listed (the sidebar
// lists them when anything they could match changes), so each shows how many items it
// matches now. Migration 019 says why nothing else is stored.

export type { SavedSearch };

interface Row {
  id: string;
  name: string;
  query: string;
  created_at: string;
}

export const MAX_SAVED_SEARCHES = 200;

export function listSavedSearches(db: Db): SavedSearch[] {
  const rows = prepared(db, `SELECT id, name, query, created_at FROM saved_searches ORDER BY name COLLATE NOCASE`).all() as Row[];
  return rows.map((r) => ({ id: r.id, name: r.name, query: r.query, createdAt: r.created_at, count: searchFacets(db, r.query).total }));
}

/** Why a query cannot be saved (it looks for nothing), or null. */
export function savedQueryProblem(query: string): string | null {
  const q = parseSearchQuery(query);
  if (!q.fts && !q.cjk && !hasFilters(q.filters)) return 'This search looks for nothing: type words or filters (such as tag:ports) to save it.';
  return null;
}

/** Saves `query` under `name`, or gives a search of that name this query; returns it as listed. */
export function saveSearch(db: Db, name: string, query: string): SavedSearch {
  const existing = prepared(db, `SELECT id FROM saved_searches WHERE name = ? COLLATE NOCASE`).pluck().get(name) as string | undefined;
  if (existing) prepared(db, `UPDATE saved_searches SET query = ?, name = ? WHERE id = ?`).run(query, name, existing);
  else prepared(db, `INSERT INTO saved_searches (id, name, query, created_at) VALUES (?, ?, ?, ?)`).run(newId('sch'), name, query, nowIso());
  return listSavedSearches(db).find((s) => s.name.toLowerCase() === name.toLowerCase())!;
}

export function savedSearchCount(db: Db): number {
  return prepared(db, `SELECT count(*) FROM saved_searches`).pluck().get() as number;
}

/** Deletes it; false when there was none. */
export function deleteSavedSearch(db: Db, id: string): boolean {
  return prepared(db, `DELETE FROM saved_searches WHERE id = ?`).run(id).changes > 0;
}
