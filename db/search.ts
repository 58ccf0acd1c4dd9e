import type { Db } from './workspace';
import type { SearchResult } from './domain';
import { prepared } from './statements';
import { hasFilters, parseSearchQuery, type SearchKind, type SearchQuery } from './searchQuery';
import { indexQueuedCjk } from './scriptIndex';
import { hasCjk } from '../common/cjk';
import { foldScripts } from '../common/scriptFold';
import { STEMMED, type StemLanguage } from './stemming';
import { isIndexed } from './vocabulary';
export type { SearchResult };

// Full-text search over sources, excerpts and briefs. What a person types is read by
// searchQuery.ts into a safe FTS5 expression and filters, which become SQL here.

const OPEN = '\u0001';
const CLOSE = '\u0002';

/** Removes the highlight markers and returns where they were. */
function unmark(marked: string): { text: string; highlights: [number, number][] } {
  let text = '';
  const highlights: [number, number][] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === OPEN) open = text.length;
    else if (ch === CLOSE) {
      if (open >= 0) highlights.push([open, text.length]);
      open = -1;
    } else text += ch;
  }
  return { text, highlights };
}

interface HitRow {
  kind: SearchResult['kind'];
  id: string;
  title: string;
  snippet: string | null;
  rank: number;
}

export interface SearchOptions {
  /** At most this many results of each kind (default 50). */
  limit?: number;
  /** A query still being typed: its last word is a prefix (see toFtsQuery). */
  asYouType?: boolean;
}

/** Prefixes this short match nearly everything: the newest matches are shown rather than every match ranked. */
const RANK_FROM_PREFIX = 3;

const MARKS = `'${OPEN}', '${CLOSE}', '…', 16`;

/**
 * One statement over the three indexes. Each kind's subquery ranks and cuts inside FTS5
 * (the table's own `rank`, configured per table in migration 015), so snippets are made
 * only for the rows that can be shown and titles joined only to them.
 */
function searchSql(order: 'rank' | 'rowid DESC'): string {
  const kind = (name: string, fts: string, column: number, select: string, join: string, q: string) =>
    `SELECT * FROM (SELECT '${name}' AS kind, ${select}, f.snippet, f.rank, f.rowid AS seq FROM (
       SELECT rowid, snippet(${fts}, ${column}, ${MARKS}) AS snippet, rank FROM ${fts} WHERE ${fts} MATCH @${q} ORDER BY ${order} LIMIT @limit
     ) f ${join})`;
  // The source index has its own expression (@qs): its sources of a stemmed language match other forms of a word too.
  return [
    kind('source', 'sources_fts', 1, 's.id, s.title', 'JOIN sources s ON s.seq = f.rowid', 'qs'),
    kind('excerpt', 'excerpts_fts', -1, 'e.id, s.title', 'JOIN excerpts e ON e.seq = f.rowid JOIN sources s ON s.id = e.source_id', 'q'),
    kind('brief', 'briefs_fts', 1, 'b.id, b.title', 'JOIN briefs b ON b.seq = f.rowid', 'q'),
  ].join(' UNION ALL ');
}

const BY_RANK = `${searchSql('rank')} ORDER BY rank LIMIT @limit`;
const NEWEST = searchSql('rowid DESC');

/** How each kind is searched when the query has filters: its index, its rows, and what each filter means for it. */
const FILTERED = {
  source: {
    fts: 'sources_fts',
    column: 1,
    table: 'sources s',
    joins: '',
    key: 's.seq',
    select: 's.id, s.title',
    plain: `(SELECT substr(v.text, 1, 200) FROM source_versions v WHERE v.source_id = s.id AND v.version = s.current_version)`,
    title: 's.title',
    publisher: 's.publisher',
    // Tagged itself (the library's tags), or holding an excerpt so tagged.
    tag: (p: string) =>
      `(EXISTS (SELECT 1 FROM source_tags st JOIN tags t ON t.id = st.tag_id WHERE st.source_id = s.id AND ${tagMatch(p)}) OR EXISTS (SELECT 1 FROM excerpts x JOIN excerpt_tags et ON et.excerpt_id = x.id JOIN tags t ON t.id = et.tag_id WHERE x.source_id = s.id AND ${tagMatch(p)}))`,
    entity: (p: string) => `(EXISTS (SELECT 1 FROM mentions m WHERE m.source_id = s.id AND m.entity_id IN ${entityIds(p)}) OR EXISTS (SELECT 1 FROM excerpts x JOIN excerpt_entities xe ON xe.excerpt_id = x.id WHERE x.source_id = s.id AND xe.entity_id IN ${entityIds(p)}))`,
    date: 's.published_at',
    added: 's.created_at',
    state: null,
    language: 's.language',
    grade: `(SELECT coalesce(s.reliability, p.reliability) FROM publishers p WHERE p.name = s.publisher UNION ALL SELECT s.reliability LIMIT 1)`,
    credibility: null,
    cjk: (p: string) => `s.seq IN (SELECT rowid FROM sources_cjk WHERE sources_cjk MATCH @${p})`,
  },
  excerpt: {
    fts: 'excerpts_fts',
    column: -1,
    table: 'excerpts e',
    joins: 'JOIN sources s ON s.id = e.source_id',
    key: 'e.seq',
    select: 'e.id, s.title',
    plain: 'e.quote',
    title: 's.title',
    publisher: 's.publisher',
    tag: (p: string) => `EXISTS (SELECT 1 FROM excerpt_tags et JOIN tags t ON t.id = et.tag_id WHERE et.excerpt_id = e.id AND ${tagMatch(p)})`,
    entity: (p: string) => `EXISTS (SELECT 1 FROM excerpt_entities xe WHERE xe.excerpt_id = e.id AND xe.entity_id IN ${entityIds(p)})`,
    date: 'coalesce(e.event_date, s.published_at)',
    added: 'e.created_at',
    state: 'e.anchor_state',
    language: 's.language',
    grade: `(SELECT coalesce(s.reliability, p.reliability) FROM publishers p WHERE p.name = s.publisher UNION ALL SELECT s.reliability LIMIT 1)`,
    credibility: 'e.credibility',
    cjk: (p: string) => `(instr(e.quote, @${p}) > 0 OR instr(coalesce(e.note, ''), @${p}) > 0)`,
  },
  brief: {
    fts: 'briefs_fts',
    column: 1,
    table: 'briefs b',
    joins: '',
    key: 'b.seq',
    select: 'b.id, b.title',
    plain: 'substr(b.plain_text, 1, 200)',
    title: 'b.title',
    publisher: null,
    tag: null,
    entity: (p: string) => `EXISTS (SELECT 1 FROM brief_entity_mentions bm WHERE bm.brief_id = b.id AND bm.entity_id IN ${entityIds(p)})`,
    date: 'b.updated_at',
    added: 'b.created_at',
    state: null,
    language: null,
    grade: null,
    credibility: null,
    cjk: (p: string) => `(instr(b.title, @${p}) > 0 OR instr(b.plain_text, @${p}) > 0)`,
  },
} as const;

/** A tag or any tag below it (`military` matches `military/drones`). */
const tagMatch = (p: string) => `(t.name = @${p} OR lower(substr(t.name, 1, length(@${p}) + 1)) = lower(@${p} || '/'))`;
/** The entity named so, or with that alias. */
const entityIds = (p: string) => `(SELECT id FROM entities WHERE name = @${p} COLLATE NOCASE UNION SELECT entity_id FROM entity_aliases WHERE alias = @${p} COLLATE NOCASE)`;
const likeAny = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One kind's conditions for a query: what its rows must satisfy besides the words (the words too when `withWords`). */
function conditions(kind: SearchKind, q: SearchQuery): { where: string[]; params: Record<string, string> } | null {
  const k = FILTERED[kind];
  const f = q.filters;
  if (f.kinds && !f.kinds.includes(kind)) return null;
  if ((f.publisher.length && !k.publisher) || (f.tag.length && !k.tag) || (f.language.length && !k.language) || (f.grade.length && !k.grade) || (f.state.length && !k.state)) return null;
  const where: string[] = [];
  const params: Record<string, string> = {};
  f.title.forEach((v, i) => {
    where.push(`${k.title} LIKE @title${i} ESCAPE '\\'`);
    params[`title${i}`] = likeAny(v);
  });
  f.publisher.forEach((v, i) => {
    where.push(`${k.publisher} LIKE @publisher${i} ESCAPE '\\'`);
    params[`publisher${i}`] = likeAny(v);
  });
  f.tag.forEach((v, i) => {
    where.push(k.tag!(`tag${i}`));
    params[`tag${i}`] = v.trim().replace(/\/+$/, '');
  });
  f.entity.forEach((v, i) => {
    where.push(k.entity(`entity${i}`));
    params[`entity${i}`] = v.trim();
  });
  if (f.language.length) {
    // `es` is Spanish of any region (es-MX): the tag itself, or it and a hyphen.
    where.push(`(${f.language.map((_, i) => `${k.language} = @lang${i} COLLATE NOCASE OR ${k.language} LIKE @langRegion${i}`).join(' OR ')})`);
    f.language.forEach((v, i) => {
      params[`lang${i}`] = v.trim();
      params[`langRegion${i}`] = `${v.trim().replace(/[\\%_]/g, '')}-%`;
    });
  }
  if (f.grade.length) {
    // grade:B (the source's reliability, its own else its publisher's), grade:B2 (an excerpt's credibility too).
    where.push(`(${f.grade.map((g, i) => (g.length === 2 && k.credibility ? `(${k.grade} = @grade${i} AND ${k.credibility} = @cred${i})` : `${k.grade} = @grade${i}`)).join(' OR ')})`);
    f.grade.forEach((g, i) => {
      params[`grade${i}`] = g[0];
      if (g.length === 2) params[`cred${i}`] = g[1];
    });
  }
  // CJK words: the source's pair index; an excerpt's or a brief's own text (short, few).
  if (q.cjk) {
    if (kind === 'source') {
      if (q.fts) where.push(k.cjk('cjk')); // else the pair index itself is searched (cjkSourceSql)
      params.cjk = q.cjk;
    } else
      q.cjkWords.forEach((w, i) => {
        where.push(k.cjk(`cjkWord${i}`));
        params[`cjkWord${i}`] = w;
      });
  }
  if (f.before) {
    where.push(`${k.date} < @before`);
    params.before = f.before;
  }
  if (f.after) {
    where.push(`${k.date} >= @after`);
    params.after = f.after;
  }
  // A period: the dates that begin with it (2024 holds 2024-03-02; the stored dates are ISO text).
  if (f.date) {
    where.push(`substr(${k.date}, 1, ${f.date.length}) = @date`);
    params.date = f.date;
  }
  if (f.added) {
    where.push(`substr(${k.added}, 1, ${f.added.length}) = @added`);
    params.added = f.added;
  }
  if (f.state.length && k.state) {
    where.push(`${k.state} IN (${f.state.map((_, i) => `@state${i}`).join(', ')})`);
    f.state.forEach((v, i) => (params[`state${i}`] = v));
  }
  return { where, params };
}

/** The SQL and parameters of one kind's search under filters (with words, ranked; without, newest first). */
function filteredKind(kind: SearchKind, q: SearchQuery): { sql: string; params: Record<string, string> } | null {
  const k = FILTERED[kind];
  const c = conditions(kind, q);
  if (!c) return null;
  const { where, params } = c;
  if (q.fts) {
    where.unshift(`${k.fts} MATCH @${kind === 'source' ? 'qs' : 'q'}`);
    return {
      sql: `SELECT '${kind}' AS kind, ${k.select}, snippet(${k.fts}, ${k.column}, ${MARKS}) AS snippet, ${k.fts}.rank AS rank
            FROM ${k.fts} JOIN ${k.table} ON ${k.key} = ${k.fts}.rowid ${k.joins} WHERE ${where.join(' AND ')} ORDER BY ${k.fts}.rank LIMIT @limit`,
      params,
    };
  }
  if (q.exclude) where.push(`${k.key} NOT IN (SELECT rowid FROM ${k.fts} WHERE ${k.fts} MATCH @x)`);
  if (kind === 'source' && q.cjk) {
    // Ranked by the pair index; the snippet is cut around the words afterwards (cjkSnippet).
    return {
      sql: `SELECT 'source' AS kind, ${k.select}, NULL AS snippet, c.rank AS rank FROM sources_cjk c JOIN ${k.table} ON ${k.key} = c.rowid ${k.joins}
            WHERE sources_cjk MATCH @cjk ${where.length ? `AND ${where.join(' AND ')}` : ''} ORDER BY c.rank LIMIT @limit`,
      params,
    };
  }
  if (kind !== 'source' && q.cjk) return { sql: cjkRankedSql(kind, where, q.cjkWords.length), params };
  return {
    sql: `SELECT '${kind}' AS kind, ${k.select}, ${k.plain} AS snippet, 0 AS rank FROM ${k.table} ${k.joins} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${k.key} DESC LIMIT @limit`,
    params,
  };
}

/** An excerpt's or a brief's fields as the CJK ranking weighs them (FTS5's bm25 weights of the same kind). */
const CJK_FIELDS = {
  excerpt: { table: 'excerpts', fields: [['e.quote', 'quote', 2], ["coalesce(e.note, '')", "coalesce(note, '')", 1]] },
  brief: { table: 'briefs', fields: [['b.title', 'title', 5], ['b.plain_text', 'plain_text', 1]] },
} as const;

/**
 * Excerpts and briefs are short and few beside sources, so their CJK words are looked for
 * in their own text (instr) rather than in a pair index of their own. To sit in one list
 * with the sources, which the pair index ranks by BM25, they are ranked by BM25 too, on
 * the same terms: each word's occurrences (weighted by field as their FTS5 tables weigh
 * them), the text's length against the kind's average, and how rare the match is among
 * them (k1 = 1.2, b = 0.75, FTS5's own constants). Snippets are cut around the words after.
 */
function cjkRankedSql(kind: 'excerpt' | 'brief', where: string[], words: number): string {
  const k = FILTERED[kind];
  const { table, fields } = CJK_FIELDS[kind];
  const occurrences = (field: string, w: number) => `((length(${field}) - length(replace(${field}, @cjkWord${w}, ''))) / length(@cjkWord${w}))`;
  const tf = Array.from({ length: words }, (_, w) => `${fields.map(([f, , weight]) => `${weight} * ${occurrences(f, w)}`).join(' + ')} AS tf${w}`);
  const length = fields.map(([f]) => `length(${f})`).join(' + ');
  const averageLength = `(SELECT max(1, avg(${fields.map(([, f]) => `length(${f})`).join(' + ')})) FROM ${table})`;
  const score = Array.from({ length: words }, (_, w) => `idf * tf${w} * 2.2 / (tf${w} + 1.2 * (0.25 + 0.75 * len / avgLen))`).join(' + ');
  return `SELECT '${kind}' AS kind, id, title, NULL AS snippet, -(${score || '0'}) AS rank
          FROM (SELECT *, ln(1 + ((SELECT count(*) FROM ${table}) - count(*) OVER () + 0.5) / (count(*) OVER () + 0.5)) AS idf, ${averageLength} AS avgLen
                FROM (SELECT ${k.select}, ${[...tf, `${length} AS len`].join(', ')} FROM ${k.table} ${k.joins} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}))
          ORDER BY rank LIMIT @limit`;
}

/**
 * Every row of one kind the query matches, unranked and uncut: `SELECT <id> AS id, <seq> AS seq`
 * (for counting them by facet, db/searchFacets.ts). Null when the kind cannot match.
 */
export function matchingRows(kind: SearchKind, q: SearchQuery): { sql: string; params: Record<string, string> } | null {
  const k = FILTERED[kind];
  // Words to leave out and nothing else look for nothing (as in search()).
  if (!q.fts && !q.cjk && !hasFilters(q.filters)) return null;
  const c = conditions(kind, q);
  if (!c) return null;
  const { where, params } = c;
  const id = k.select.split(',')[0];
  if (q.fts) {
    where.unshift(`${k.fts} MATCH @${kind === 'source' ? 'qs' : 'q'}`);
    return { sql: `SELECT ${id} AS id, ${k.key} AS seq FROM ${k.fts} JOIN ${k.table} ON ${k.key} = ${k.fts}.rowid ${k.joins} WHERE ${where.join(' AND ')}`, params };
  }
  if (q.exclude) where.push(`${k.key} NOT IN (SELECT rowid FROM ${k.fts} WHERE ${k.fts} MATCH @x)`);
  if (kind === 'source' && q.cjk) where.unshift(`${k.key} IN (SELECT rowid FROM sources_cjk WHERE sources_cjk MATCH @cjk)`);
  return { sql: `SELECT ${id} AS id, ${k.key} AS seq FROM ${k.table} ${k.joins} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, params };
}

/** Rows of several kinds, each kind newest first, taken in turn (first of each, then second of each…). */
function inTurn(rows: HitRow[], limit: number): HitRow[] {
  const place = new Map<string, number>();
  return rows
    .map((r) => ({ r, turn: place.set(r.kind, (place.get(r.kind) ?? -1) + 1).get(r.kind)! }))
    .sort((a, b) => a.turn - b.turn)
    .slice(0, limit)
    .map((x) => x.r);
}

/**
 * Sources, excerpts and briefs matching the query (the language of db/searchQuery.ts),
 * best first: by relevance (BM25, titles weighing most), or — while a one- or two-letter
 * prefix is being typed, which matches nearly everything, or when the query is filters
 * alone — the newest of each kind in turn, so a keystroke never ranks the whole corpus.
 */
export function search(db: Db, input: string, options: SearchOptions = {}): SearchResult[] {
  const q = parseSearchQuery(input, { asYouType: options.asYouType, ...workspaceLanguages(db) });
  const limit = options.limit ?? 50;
  let rows: HitRow[];
  if (q.cjk) indexQueuedCjk(db);
  if (hasFilters(q.filters) || (!q.fts && q.exclude) || q.cjk) {
    if (!q.fts && !q.cjk && !hasFilters(q.filters)) return []; // only words to leave out: nothing to look for
    const parts = (['source', 'excerpt', 'brief'] as const).map((kind) => filteredKind(kind, q)).filter((p) => p !== null);
    const words = { ...(q.fts ? { q: q.fts, qs: q.ftsSources } : q.exclude ? { x: q.exclude } : {}), limit };
    rows = parts.flatMap((p) => prepared(db, p.sql).all({ ...p.params, ...words }) as HitRow[]);
    rows = q.fts || q.cjk ? rows.sort((a, b) => a.rank - b.rank).slice(0, limit) : inTurn(rows, limit);
  } else if (!q.fts) return [];
  else if (q.shortestPrefix >= RANK_FROM_PREFIX) rows = prepared(db, BY_RANK).all({ q: q.fts, qs: q.ftsSources, limit }) as HitRow[];
  else rows = inTurn(prepared(db, NEWEST).all({ q: q.fts, qs: q.ftsSources, limit }) as HitRow[], limit);
  return rows.map((r) => {
    const marked = r.snippet === null ? cjkSnippet(db, r, q.cjkWords) : FOLDED_MARK.test(r.snippet) ? unfoldSnippet(r.snippet, originalTexts(db, r)) : r.snippet;
    const { text, highlights } = unmark(marked);
    return { kind: r.kind, id: r.id, title: r.title, snippet: text, highlights };
  });
}

/** A character folding leaves (common/scriptFold.ts): a snippet with one may differ from the original. */
const FOLDED_MARK = /[\u0301\u064A\u0643\u0647\u0627\u0435\u0415]/;

/** The original texts a result's snippet may come from. */
function originalTexts(db: Db, r: HitRow): string[] {
  const sql = {
    source: `SELECT v.text FROM sources s JOIN source_versions v ON v.source_id = s.id AND v.version = s.current_version WHERE s.id = ?`,
    excerpt: `SELECT quote FROM excerpts WHERE id = ? UNION ALL SELECT note FROM excerpts WHERE id = ? AND note IS NOT NULL`,
    brief: `SELECT plain_text FROM briefs WHERE id = ?`,
  }[r.kind];
  const ids = r.kind === 'excerpt' ? [r.id, r.id] : [r.id];
  return prepared(db, sql).pluck().all(...ids) as string[];
}

/**
 * The index holds folded text, so FTS5's snippet is folded too (ي for ی, no harakat). Folding
 * keeps every offset, so the snippet's text is found in the folded original and replaced,
 * character for character, by the original's; the highlight marks stay where they were.
 */
export function unfoldSnippet(marked: string, originals: readonly string[]): string {
  const plain = marked.replace(/[\u0001\u0002]/g, '');
  for (const original of originals) {
    const folded = foldScripts(original);
    // FTS5 adds an ellipsis where it cut the text (none at either end of the text).
    const lead = plain.startsWith('…') && !folded.startsWith(plain.slice(0, 40)) ? 1 : 0;
    const trail = plain.endsWith('…') && !folded.endsWith(plain.slice(-40)) ? 1 : 0;
    const at = folded.indexOf(plain.slice(lead, plain.length - trail));
    if (at < 0) continue;
    let out = '';
    let pos = 0;
    for (let i = 0; i < marked.length; i++) {
      const c = marked[i];
      if (c === OPEN || c === CLOSE) out += c;
      else {
        out += pos >= lead && pos < plain.length - trail ? original[at + pos - lead] : c;
        pos++;
      }
    }
    return out;
  }
  return marked;
}

/** A snippet for a result found by its CJK words alone (the first of its texts: a source's, an excerpt's quote, a brief's): the text around their first occurrence, each occurrence marked. */
function cjkSnippet(db: Db, r: HitRow, words: readonly string[]): string {
  const text = originalTexts(db, r)[0] ?? '';
  const first = Math.min(...words.map((w) => text.indexOf(w)).filter((i) => i >= 0));
  if (!Number.isFinite(first)) return text.slice(0, 80);
  const start = Math.max(0, first - 30);
  const end = Math.min(text.length, first + 60);
  let window = text.slice(start, end);
  for (const w of words) window = window.split(w).join(`${OPEN}${w}${CLOSE}`);
  return `${start > 0 ? '…' : ''}${window}${end < text.length ? '…' : ''}`;
}

/** Languages written in Cyrillic: a workspace with a source in one is searched with Latin words' Cyrillic spellings. */
const CYRILLIC_LANGUAGES = ['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'tg', 'mn', 'tt', 'ba', 'cv', 'ce', 'os'];
// One seek of the language index each (migration 018): 'ru' up to 'ru-~' is ru and ru-XX, not rue.
const MAY_HAVE_CYRILLIC = [
  `SELECT 1 FROM sources WHERE language IS NULL`,
  ...CYRILLIC_LANGUAGES.map((l) => `SELECT 1 FROM sources WHERE language COLLATE NOCASE BETWEEN '${l}' AND '${l}-~'`),
].join(' UNION ALL ') + ' LIMIT 1';

const HAS_LANGUAGE = `SELECT 1 FROM sources WHERE language COLLATE NOCASE BETWEEN @l AND @l || '-~' LIMIT 1`;

interface WorkspaceLanguages {
  /** A source may be in Cyrillic: one in a Cyrillic-script language, or of a language not known (not detected yet). */
  cyrillic: boolean;
  /** The stemmed languages it has sources in. */
  stemming: StemLanguage[];
  /** The stemmed language of every source whose language is known (an all-English workspace), or null. */
  soleLanguage: StemLanguage | null;
  /** Does the source index hold this word (a stemmed form it does not is not looked for)? */
  indexed(term: string): boolean;
}

/** Is there a source of a known language other than @l (and its regions)? Two seeks of the language index. */
const HAS_OTHER_LANGUAGE = `SELECT 1 FROM sources WHERE language COLLATE NOCASE < @l UNION ALL SELECT 1 FROM sources WHERE language COLLATE NOCASE > @l || '-~' LIMIT 1`;

/** The answer, per connection, until anything is written (by it: total_changes; by another: data_version). */
const languageAnswers = new WeakMap<Db, { changes: number; dataVersion: number; answer: WorkspaceLanguages }>();

/** What the workspace's languages ask of a query: a few seeks of the language index, once per change. */
export function workspaceLanguages(db: Db): WorkspaceLanguages {
  const changes = prepared(db, `SELECT total_changes()`).pluck().get() as number;
  const dataVersion = prepared(db, `PRAGMA data_version`).pluck().get() as number;
  const known = languageAnswers.get(db);
  if (known && known.changes === changes && known.dataVersion === dataVersion) return known.answer;
  const stemming = STEMMED.filter((l) => prepared(db, HAS_LANGUAGE).get({ l }) !== undefined);
  const answer = {
    cyrillic: prepared(db, MAY_HAVE_CYRILLIC).get() !== undefined,
    indexed: (term: string) => isIndexed(db, term),
    stemming,
    soleLanguage: stemming.length === 1 && prepared(db, HAS_OTHER_LANGUAGE).get({ l: stemming[0] }) === undefined ? stemming[0] : null,
  };
  languageAnswers.set(db, { changes, dataVersion, answer });
  return answer;
}

/** Excerpts whose quote, note, tags, entities or source title match: the citation typeahead. */
export function searchExcerptIds(db: Db, input: string, limit = 20): string[] {
  const q = parseSearchQuery(input, { asYouType: true }).fts;
  if (!q) {
    return (db.prepare(`SELECT id FROM excerpts ORDER BY updated_at DESC, seq DESC LIMIT ?`).all(limit) as { id: string }[]).map((r) => r.id);
  }
  const like = `%${input.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return (
    db
      .prepare(
        `SELECT id FROM (
           SELECT e.id, bm25(excerpts_fts) AS rank FROM excerpts_fts JOIN excerpts e ON e.seq = excerpts_fts.rowid WHERE excerpts_fts MATCH @q
           UNION ALL
           SELECT e.id, 0.5 FROM excerpts e JOIN sources s ON s.id = e.source_id WHERE s.title LIKE @like ESCAPE '\\'
           UNION ALL
           SELECT et.excerpt_id, 0.5 FROM excerpt_tags et JOIN tags t ON t.id = et.tag_id WHERE t.name LIKE @like ESCAPE '\\'
           UNION ALL
           SELECT x.excerpt_id, 0.5 FROM excerpt_entities x JOIN entities n ON n.id = x.entity_id WHERE n.name LIKE @like ESCAPE '\\'
         ) GROUP BY id ORDER BY min(rank) LIMIT @limit`,
      )
      .all({ q, like, limit }) as { id: string }[]
  ).map((r) => r.id);
}

/**
 * For a bulk import in one batch transaction (the command line's): from here until
 * indexDeferredSources, new texts are queued instead of indexed one savepoint at a time
 * (migration 015 says why). The mark lives only inside the open transaction: a crash rolls
 * it back with the batch, and no other connection ever sees it.
 */
export function deferSourceIndexing(db: Db): void {
  if (!db.inTransaction) throw new Error('deferSourceIndexing needs an open transaction');
  prepared(db, `INSERT OR IGNORE INTO bulk_import (active) VALUES (1)`).run();
}

/** Indexes the texts queued since deferSourceIndexing, in one statement, and ends the deferral. */
export function indexDeferredSources(db: Db): void {
  prepared(db, `INSERT INTO sources_fts(rowid, title, body, lang) SELECT t.seq, t.title, t.body, t.lang FROM sources_fts_pending p JOIN source_search_text t ON t.seq = p.seq`).run();
  // The batch's texts with Chinese, Japanese or Korean in them, for the pair index (the
  // insert trigger leaves them to this during a bulk import: a regex here is ~1000× its GLOB).
  const queue = prepared(db, `INSERT OR IGNORE INTO sources_cjk_pending(seq) VALUES (?)`);
  // One text at a time (a batch's texts together could be large), looked at before any is queued.
  const text = prepared(db, `SELECT s.title, v.text FROM sources s JOIN source_versions v ON v.source_id = s.id AND v.version = s.current_version WHERE s.seq = ?`);
  const seqs = prepared(db, `SELECT seq FROM sources_fts_pending`).pluck().all() as number[];
  const withCjk = seqs.filter((seq) => {
    const r = text.get(seq) as { title: string; text: string } | undefined;
    return !!r && (hasCjk(r.title) || hasCjk(r.text));
  });
  for (const seq of withCjk) queue.run(seq);
  indexQueuedCjk(db);
  prepared(db, `DELETE FROM sources_fts_pending`).run();
  prepared(db, `DELETE FROM bulk_import`).run();
}
