import type { Db } from './workspace';
import { prepared } from './statements';
import { matchingRows, workspaceLanguages } from './search';
import { parseSearchQuery, type SearchKind } from './searchQuery';
import { indexQueuedCjk } from './scriptIndex';
import type { FacetValue, SearchFacets } from './domain';

// What a search matched, counted by the ways it can be narrowed (issue #13, "search that
// narrows"): how many sources, excerpts and briefs, and the commonest languages, grades,
// publishers, tags and entities among them. Each value carries the filter that narrows
// to it, in the search language a person types (db/searchQuery.ts), so the window and
// the command line narrow the same way: the facet is added to the query, never a hidden
// state beside it.

export type { FacetValue, SearchFacets };

/** Values per facet: the commonest few (a facet is a shortcut, not a list of everything). */
export const FACET_VALUES = 8;

/** A filter's value written so the query language reads it back whole (quoted when it has spaces); null when it cannot be (a double quote). */
export function filterOf(field: string, value: string): string | null {
  if (value.includes('"') || !value.trim()) return null;
  return /[\s:()]/.test(value) ? `${field}:"${value}"` : `${field}:${value}`;
}

type Matching = { sql: string; params: Record<string, string | null> };

const EMPTY: SearchFacets = { total: 0, kinds: [], languages: [], grades: [], publishers: [], sources: [], tags: [], entities: [], dates: [], added: [], states: [] };

/** The effective grade of source `s`: its own, else its publisher's. */
const GRADE_OF = `coalesce(s.reliability, (SELECT p.reliability FROM publishers p WHERE p.name = s.publisher))`;

/**
 * Years dated and months added of the matches of every kind, in one pass over them: the
 * pairs (year, month) counted in SQL (a few hundred at most), then each side summed here.
 */
function datePeriods(db: Db, matching: readonly (Matching | null)[]): { dates: FacetValue[]; added: FacetValue[] } {
  const parts = (['source', 'excerpt', 'brief'] as const).flatMap((kind, i) => {
    const m = matching[i];
    return m ? [{ sql: `SELECT substr(${DATE_OF[kind]}, 1, 4) AS year, substr(${ADDED_OF[kind]}, 1, 7) AS month FROM (${m.sql}) x ${DATE_JOINS[kind]}`, params: m.params }] : [];
  });
  if (!parts.length) return { dates: [], added: [] };
  // The kinds' conditions share their parameters' names and values (db/search.ts conditions).
  const params = Object.assign({}, ...parts.map((p) => p.params));
  const pairs = prepared(db, `SELECT year, month, count(*) AS n FROM (${parts.map((p) => p.sql).join(' UNION ALL ')}) GROUP BY year, month`).all(params) as { year: string | null; month: string | null; n: number }[];
  const latest = (field: 'date' | 'added', key: 'year' | 'month') => {
    const counts = new Map<string, number>();
    for (const p of pairs) if (p[key]) counts.set(p[key]!, (counts.get(p[key]!) ?? 0) + p.n);
    return [...counts]
      .sort((a, b) => (a[0] < b[0] ? 1 : -1))
      .slice(0, FACET_VALUES)
      .flatMap(([value, count]) => {
        const filter = filterOf(field, value);
        return filter ? [{ value, count, filter }] : [];
      });
  };
  return { dates: latest('date', 'year'), added: latest('added', 'month') };
}

/** Each kind's date as before:, after: and date: read it, and the date it was added (db/search.ts). */
const DATE_OF: Record<SearchKind, string> = { source: 's.published_at', excerpt: 'coalesce(e.event_date, s.published_at)', brief: 'b.updated_at' };
const ADDED_OF: Record<SearchKind, string> = { source: 's.created_at', excerpt: 'e.created_at', brief: 'b.created_at' };
const DATE_JOINS: Record<SearchKind, string> = {
  source: 'JOIN sources s ON s.seq = x.seq',
  excerpt: 'JOIN excerpts e ON e.seq = x.seq JOIN sources s ON s.id = e.source_id',
  brief: 'JOIN briefs b ON b.seq = x.seq',
};

/**
 * Each matched excerpt's tags and every tag above them (customs/screening/x → customs,
 * customs/screening, customs/screening/x), each once per excerpt: the cuts at each '/'.
 */
const TAGS_AND_PARENTS = `WITH RECURSIVE
  tagged(eid, name) AS (SELECT x.id, t.name FROM $M x JOIN excerpt_tags et ON et.excerpt_id = x.id JOIN tags t ON t.id = et.tag_id),
  cut(eid, name, at) AS (
    SELECT eid, name, instr(name, '/') FROM tagged
    UNION ALL
    SELECT eid, name, CASE WHEN instr(substr(name, at + 1), '/') = 0 THEN 0 ELSE at + instr(substr(name, at + 1), '/') END FROM cut WHERE at > 0)
  SELECT DISTINCT eid, CASE WHEN at = 0 THEN name ELSE substr(name, 1, at - 1) END AS value FROM cut`;

/** An excerpt's anchoring state as the reader names it. */
const STATE_LABELS: Record<string, string> = { exact: 'exact', moved: 'moved', fuzzy: 'to confirm', orphaned: 'orphaned' };

/** A prefix this short matches nearly everything: counting it would read the whole corpus at each keystroke. */
const COUNT_FROM_PREFIX = 3;

/** `asYouType`: as search:query reads a query still being typed (its last word a prefix). */
export function searchFacets(db: Db, input: string, asYouType = false): SearchFacets {
  const q = parseSearchQuery(input, { asYouType, ...workspaceLanguages(db) });
  if (q.shortestPrefix < COUNT_FROM_PREFIX) return EMPTY;
  if (q.cjk) indexQueuedCjk(db);
  const words = { ...(q.fts ? { q: q.fts, qs: q.ftsSources } : {}), ...(q.exclude ? { x: q.exclude } : {}), ...(q.cjk ? { cjk: q.cjk } : {}) };
  const rows = (kind: SearchKind) => {
    const m = matchingRows(kind, q);
    return m && { sql: m.sql, params: { ...m.params, ...words } };
  };
  const sources = rows('source');
  const excerpts = rows('excerpt');
  const briefs = rows('brief');
  if (!sources && !excerpts && !briefs) return EMPTY;

  const count = (m: Matching | null) => (m ? (prepared(db, `SELECT count(*) FROM (${m.sql})`).pluck().get(m.params) as number) : 0);
  const kinds = (['source', 'excerpt', 'brief'] as const).map((kind, i) => ({ kind, n: count([sources, excerpts, briefs][i]) }));
  // The commonest values.
  const top = (m: Matching | null, select: string, field: string, label?: (v: string) => string) => {
    if (!m) return [];
    const found = prepared(db, `SELECT value, count(*) AS count FROM (${select.replace('$M', `(${m.sql})`)}) WHERE value IS NOT NULL AND value <> '' GROUP BY value ORDER BY count DESC, value LIMIT ${FACET_VALUES}`).all(m.params) as { value: string; count: number }[];
    return found.flatMap((r) => {
      const filter = filterOf(field, r.value);
      return filter ? [{ value: label ? label(r.value) : r.value, count: r.count, filter }] : [];
    });
  };
  const KIND_NAMES: Record<SearchKind, string> = { source: 'sources', excerpt: 'excerpts', brief: 'briefs' };
  const periods = datePeriods(db, [sources, excerpts, briefs]);
  return {
    total: kinds.reduce((a, k) => a + k.n, 0),
    kinds: kinds.filter((k) => k.n > 0).map((k) => ({ value: KIND_NAMES[k.kind], count: k.n, filter: `kind:${k.kind}` })),
    languages: top(sources, `SELECT s.language AS value FROM $M x JOIN sources s ON s.seq = x.seq`, 'lang'),
    grades: top(sources, `SELECT ${GRADE_OF} AS value FROM $M x JOIN sources s ON s.seq = x.seq`, 'grade'),
    publishers: top(sources, `SELECT s.publisher AS value FROM $M x JOIN sources s ON s.seq = x.seq`, 'publisher'),
    // Hierarchy aware, as tag: is: an excerpt tagged customs/screening counts for customs too (once).
    tags: top(excerpts, TAGS_AND_PARENTS, 'tag'),
    // The sources the matched excerpts come from (title: narrows to a source and its excerpts).
    sources: top(excerpts, `SELECT s.title AS value FROM $M x JOIN excerpts e ON e.seq = x.seq JOIN sources s ON s.id = e.source_id`, 'title'),
    // An entity counts the matched excerpts tagged with it and the matched sources that mention it.
    entities: top(
      sources ?? excerpts,
      sources
        ? `SELECT n.name AS value FROM (SELECT DISTINCT m.source_id, m.entity_id FROM $M x JOIN mentions m ON m.source_id = x.id) y JOIN entities n ON n.id = y.entity_id`
        : `SELECT n.name AS value FROM $M x JOIN excerpt_entities xe ON xe.excerpt_id = x.id JOIN entities n ON n.id = xe.entity_id`,
      'entity',
    ),
    // Years of the matches' dates and months of their adding, as date: and added: read
    // them for each kind, so a value's count is what adding its filter leaves.
    dates: periods.dates,
    added: periods.added,
    states: top(excerpts, `SELECT e.anchor_state AS value FROM $M x JOIN excerpts e ON e.seq = x.seq`, 'state', (v) => STATE_LABELS[v] ?? v),
  };
}
