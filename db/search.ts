import type { Db } from './workspace';
import type { SearchResult } from './domain';
import { prepared } from './statements';
export type { SearchResult };

// Full-text search over sources, excerpts and briefs. Whatever a person types is turned
// into a safe FTS5 expression here: FTS5 syntax never reaches the engine from input.

const OPEN = '\u0001';
const CLOSE = '\u0002';

export interface FtsQuery {
  /** The FTS5 expression: every word and phrase quoted, a prefix only where asked for. */
  expression: string;
  /** The shortest prefix in it (Infinity when none): a one- or two-letter prefix matches nearly every document. */
  shortestPrefix: number;
}

/**
 * Words, `word*` prefixes and balanced "phrases" of the input, each quoted, all required.
 * A bare word matches that word exactly (with diacritics folded); `word*` matches words
 * beginning with it. `asYouType` (the app's search box, still being typed) makes the last
 * word a prefix too, unless a space or a closing quote says it is finished.
 */
export function toFtsQuery(input: string, options: { asYouType?: boolean } = {}): FtsQuery | null {
  const parts: string[] = [];
  let shortestPrefix = Infinity;
  let lastBare = -1;
  const re = /"([^"]*)"?|([\p{L}\p{N}]+)(\*)?/gu;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    if (m[2] === undefined) {
      const phrase = m[1].match(/[\p{L}\p{N}]+/gu) ?? [];
      if (phrase.length) parts.push(`"${phrase.join(' ')}"`);
      lastBare = -1;
    } else if (m[3]) {
      parts.push(`"${m[2]}"*`);
      shortestPrefix = Math.min(shortestPrefix, m[2].length);
      lastBare = -1;
    } else {
      parts.push(`"${m[2]}"`);
      lastBare = re.lastIndex === input.length ? parts.length - 1 : -1;
    }
  }
  if (parts.length === 0) return null;
  if (options.asYouType && lastBare === parts.length - 1) {
    parts[lastBare] = `${parts[lastBare]}*`;
    shortestPrefix = Math.min(shortestPrefix, parts[lastBare].length - 3);
  }
  return { expression: parts.join(' '), shortestPrefix };
}

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
  snippet: string;
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
  const kind = (name: string, fts: string, column: number, select: string, join: string) =>
    `SELECT * FROM (SELECT '${name}' AS kind, ${select}, f.snippet, f.rank, f.rowid AS seq FROM (
       SELECT rowid, snippet(${fts}, ${column}, ${MARKS}) AS snippet, rank FROM ${fts} WHERE ${fts} MATCH @q ORDER BY ${order} LIMIT @limit
     ) f ${join})`;
  return [
    kind('source', 'sources_fts', 1, 's.id, s.title', 'JOIN sources s ON s.seq = f.rowid'),
    kind('excerpt', 'excerpts_fts', -1, 'e.id, s.title', 'JOIN excerpts e ON e.seq = f.rowid JOIN sources s ON s.id = e.source_id'),
    kind('brief', 'briefs_fts', 1, 'b.id, b.title', 'JOIN briefs b ON b.seq = f.rowid'),
  ].join(' UNION ALL ');
}

const BY_RANK = `${searchSql('rank')} ORDER BY rank LIMIT @limit`;
const NEWEST = searchSql('rowid DESC');

/**
 * Sources, excerpts and briefs matching the input, best first: by relevance (BM25, titles
 * weighing most), or — while a one- or two-letter prefix is being typed, which matches
 * nearly everything — the newest matches of each kind in turn, so a keystroke never ranks
 * the whole corpus.
 */
export function search(db: Db, input: string, options: SearchOptions = {}): SearchResult[] {
  const q = toFtsQuery(input, { asYouType: options.asYouType });
  if (!q) return [];
  const limit = options.limit ?? 50;
  let rows: HitRow[];
  if (q.shortestPrefix >= RANK_FROM_PREFIX) rows = prepared(db, BY_RANK).all({ q: q.expression, limit }) as HitRow[];
  else {
    const place = new Map<string, number>();
    rows = (prepared(db, NEWEST).all({ q: q.expression, limit }) as HitRow[])
      .map((r) => ({ r, turn: place.set(r.kind, (place.get(r.kind) ?? -1) + 1).get(r.kind)! }))
      .sort((a, b) => a.turn - b.turn)
      .slice(0, limit)
      .map((x) => x.r);
  }
  return rows.map((r) => {
    const { text, highlights } = unmark(r.snippet);
    return { kind: r.kind, id: r.id, title: r.title, snippet: text, highlights };
  });
}

/** Excerpts whose quote, note, tags, entities or source title match: the citation typeahead. */
export function searchExcerptIds(db: Db, input: string, limit = 20): string[] {
  const q = toFtsQuery(input, { asYouType: true })?.expression;
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
  prepared(db, `INSERT INTO sources_fts(rowid, title, body) SELECT t.seq, t.title, t.body FROM sources_fts_pending p JOIN source_search_text t ON t.seq = p.seq`).run();
  prepared(db, `DELETE FROM sources_fts_pending`).run();
  prepared(db, `DELETE FROM bulk_import`).run();
}
