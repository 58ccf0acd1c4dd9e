import { readOriginal, sha256, storeOriginal } from './originals';
import type { Db } from './workspace';
import type { OcrPageInfo, PageSpan, Reliability, Source, SourceFormat, SourceMeta, SourcePage, SourceSummary, SourceVersion } from './domain';
import { newId, nowIso } from './ids';
import { prepared } from './statements';
import { indexQueuedCjk } from './scriptIndex';
import { tagsOfSources } from './tags';
import { DEFAULT_SORT_DIRECTION, MAX_SOURCE_PAGE, type SortDirection, type SourceSort } from '../common/library';

interface SourceRow {
  seq: number;
  id: string;
  title: string;
  author: string | null;
  publisher: string | null;
  published_at: string | null;
  url: string | null;
  language: string | null;
  reliability: Reliability | null;
  own_reliability: Reliability | null;
  original_format: SourceFormat;
  original_name: string | null;
  captured_at: string;
  current_version: number;
  created_at: string;
  updated_at: string;
  excerpt_count: number;
}

function toSummary(r: SourceRow): SourceSummary {
  return {
    id: r.id,
    title: r.title,
    author: r.author,
    publisher: r.publisher,
    publishedAt: r.published_at,
    url: r.url,
    language: r.language,
    format: r.original_format,
    originalName: r.original_name,
    capturedAt: r.captured_at,
    reliability: r.reliability,
    reliabilityFrom: r.own_reliability ? 'source' : r.reliability ? 'publisher' : null,
    excerptCount: r.excerpt_count,
    version: r.current_version,
  };
}

export function contentHash(text: string): string {
  return sha256(text);
}

/** The hash recorded for a version's original bytes (verify re-hashes them). */
export function bytesHash(bytes: Buffer | null): string | null {
  return bytes ? sha256(bytes) : null;
}

export interface StoredVersion {
  sourceId: string;
  version: number;
  text: string;
  contentHash: string;
  original: Buffer | null;
  originalHash: string | null;
}

/** Every stored version with the hashes recorded for it, one at a time (verify reads them all). */
export function* storedVersions(db: Db): Generator<StoredVersion> {
  const keys = db.prepare(`SELECT rowid FROM source_versions ORDER BY source_id, version`).pluck().all() as number[];
  // A workspace older than migration 014 (a backup made before it) has no original_hash.
  // A workspace older than migration 014 (a backup made before it) has no original_hash; older than 015, no original_encoding.
  const columns = new Set(db.prepare(`SELECT name FROM pragma_table_info('source_versions')`).pluck().all() as string[]);
  const read = db.prepare(
    `SELECT source_id AS sourceId, version, text, content_hash AS contentHash, original, ${columns.has('original_hash') ? 'original_hash' : 'NULL'} AS originalHash,
            ${columns.has('original_encoding') ? 'original_encoding' : 'NULL'} AS encoding
     FROM source_versions WHERE rowid = ?`,
  );
  for (const key of keys) {
    const row = read.get(key) as (StoredVersion & { encoding: string | null }) | undefined;
    if (!row) continue;
    let original: Buffer | null;
    try {
      original = readOriginal({ original: row.original, encoding: row.encoding, hash: row.originalHash, text: row.text, textHash: row.contentHash });
    } catch {
      original = row.original; // deflated bytes that no longer inflate: their hash tells
    }
    yield { sourceId: row.sourceId, version: row.version, text: row.text, contentHash: row.contentHash, original, originalHash: row.originalHash };
  }
}

export interface NewSource extends SourceMeta {
  format: SourceFormat;
  originalName: string | null;
  text: string;
  original: Buffer | null;
  capturedAt?: string;
  pages?: readonly PageSpan[] | null;
  /** contentHash(text), when the caller has it already (the importer checks duplicates with it). */
  contentHash?: string;
  /** The language detected in the text (an ISO 639-1 code, 'und' when too little to tell), kept with the version. */
  textLanguage?: string | null;
  /** The pages OCR read, with their confidence and versions (migration 020). */
  ocr?: readonly OcrPageInfo[] | null;
}

/**
 * Page maps are stored compactly as [[start, end], ...] for pages 1..n; a page whose
 * number is not its place in the list (the pages before it had no text: blank, or a scan
 * OCR found nothing on) carries its number as a third element.
 */
function encodePages(pages: readonly PageSpan[] | null | undefined): string | null {
  return pages && pages.length ? JSON.stringify(pages.map((p, i) => (p.page === i + 1 ? [p.start, p.end] : [p.start, p.end, p.page]))) : null;
}

function decodePages(json: string | null): PageSpan[] | null {
  if (!json) return null;
  return (JSON.parse(json) as [number, number, number?][]).map(([start, end, page], i) => ({ page: page ?? i + 1, start, end }));
}

/** The OCR record of a version (source_versions.ocr, migration 020): null when no page was read by OCR. */
function encodeOcr(ocr: readonly OcrPageInfo[] | null | undefined): string | null {
  return ocr && ocr.length ? JSON.stringify(ocr) : null;
}

function decodeOcr(json: string | null | undefined): OcrPageInfo[] | null {
  if (!json) return null;
  try {
    const pages = JSON.parse(json) as OcrPageInfo[];
    return Array.isArray(pages) ? pages : null;
  } catch {
    return null;
  }
}

// A source's shown grade is its own, else its publisher's default (set once per publisher).
// excerpt_count is kept on the source by triggers (migration 016).
const SELECT = `SELECT s.*, s.reliability AS own_reliability, coalesce(s.reliability, p.reliability) AS reliability
  FROM sources s LEFT JOIN publishers p ON p.name = s.publisher`;

/** Inserts a source and its first version. Call inside a transaction with anything related. */
export function insertSource(db: Db, s: NewSource): string {
  const id = newId('src');
  const now = nowIso();
  prepared(
    db,
    `INSERT INTO sources (id, title, author, publisher, published_at, url, language, original_format, original_name, captured_at, current_version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  ).run(id, s.title, s.author, s.publisher, s.publishedAt, s.url, s.language, s.format, s.originalName, s.capturedAt ?? now, now, now);
  const textHash = s.contentHash ?? contentHash(s.text);
  const original = storeOriginal(s.original, s.text, textHash);
  prepared(
    db,
    `INSERT INTO source_versions (source_id, version, text, content_hash, original, original_encoding, original_hash, original_name, pages, language, ocr, created_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, s.text, textHash, original.original, original.encoding, original.hash, s.originalName, encodePages(s.pages), s.textLanguage ?? null, encodeOcr(s.ocr), now);
  indexQueuedCjk(db);
  return id;
}

export function listSources(db: Db): SourceSummary[] {
  return (db.prepare(`${SELECT} ORDER BY s.created_at DESC, s.seq DESC`).all() as SourceRow[]).map(toSummary);
}

export interface SourcePageRequest {
  offset: number;
  /** 1..MAX_SOURCE_PAGE. */
  limit: number;
  sort: SourceSort;
  /** Default: the sort's own (DEFAULT_SORT_DIRECTION). */
  direction?: SortDirection;
  /** Words that must each appear in the title or the publisher (case-insensitive, anywhere in them). */
  filter?: string;
}

/** A source's grade: its own, else its publisher's (the publishers table joined as p). */
const GRADE = 'coalesce(s.reliability, (SELECT p.reliability FROM publishers p WHERE p.name = s.publisher))';
/** How many mentions of entities a source has (counted on the index by source). */
const MENTIONS = '(SELECT count(*) FROM mentions m WHERE m.source_id = s.id)';

/**
 * Each order as an index walks it (migration 016), ties broken by import order. Sources
 * without a publisher or a date come last either way: those orders lead with whether the
 * value is missing, and have an index per direction.
 */
const ORDER: Record<SourceSort, Record<SortDirection, string>> = {
  added: { asc: 's.created_at, s.seq', desc: 's.created_at DESC, s.seq DESC' },
  title: { asc: 's.title COLLATE NOCASE, s.seq', desc: 's.title COLLATE NOCASE DESC, s.seq DESC' },
  excerpts: { asc: 's.excerpt_count, s.seq', desc: 's.excerpt_count DESC, s.seq DESC' },
  published: { asc: 's.published_at IS NULL, s.published_at, s.seq', desc: 's.published_at IS NOT NULL DESC, s.published_at DESC, s.seq DESC' },
  publisher: {
    asc: 's.publisher IS NULL, s.publisher COLLATE NOCASE, s.seq',
    desc: 's.publisher IS NOT NULL DESC, s.publisher COLLATE NOCASE DESC, s.seq DESC',
  },
  // The three orders below have no index of their own: each sorts the whole library (a
  // grade is the source's own or its publisher's, a count of mentions is counted), which
  // takes tens of milliseconds at 50,000 sources rather than one (bench:ui prints it).
  grade: {
    asc: `${GRADE} IS NULL, ${GRADE}, s.seq`,
    desc: `${GRADE} IS NOT NULL DESC, ${GRADE} DESC, s.seq DESC`,
  },
  mentions: { asc: `${MENTIONS}, s.seq`, desc: `${MENTIONS} DESC, s.seq DESC` },
  language: { asc: 's.language IS NULL, s.language, s.seq', desc: 's.language IS NOT NULL DESC, s.language DESC, s.seq DESC' },
};

/** At most this many words of a filter count (a longer one narrows no further in practice). */
const MAX_FILTER_WORDS = 8;

/** A LIKE pattern finding `word` anywhere, its own %, _ and \ taken literally. */
const containing = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A filter as a condition on the source `x` and its values: every word in the title or
 * the publisher. Null when there is no word. Never NULL itself, so it can be negated.
 */
function filterCondition(filter: string | undefined): { condition: string; values: string[] } | null {
  const words = (filter ?? '').trim().split(/\s+/).filter(Boolean).slice(0, MAX_FILTER_WORDS);
  if (words.length === 0) return null;
  return {
    condition: words.map(() => `(x.title LIKE ? ESCAPE '\\' OR ifnull(x.publisher, '') LIKE ? ESCAPE '\\')`).join(' AND '),
    values: words.flatMap((w) => [containing(w), containing(w)]),
  };
}

/** The orders no index walks (a grade may be the publisher's, mentions are counted): each sorts the whole library. */
const UNINDEXED: ReadonlySet<SourceSort> = new Set(['grade', 'mentions', 'language']);

/**
 * The library in one of the UNINDEXED orders, sorted once and kept until the workspace
 * changes (a write through this connection, or a commit by another: the CLI). Scrolling
 * through such an order then costs a slice per page instead of a sort of every source
 * (tens of milliseconds at 50,000) per page.
 */
const wholeOrders = new WeakMap<Db, { stamp: string; order: string; seqs: number[] }>();
function wholeOrder(db: Db, order: string): number[] {
  const stamp = `${prepared(db, 'PRAGMA data_version').pluck().get()}:${prepared(db, 'SELECT total_changes()').pluck().get()}`;
  const held = wholeOrders.get(db);
  if (held && held.stamp === stamp && held.order === order) return held.seqs;
  const seqs = prepared(db, `SELECT s.seq FROM sources s ORDER BY ${order}`).pluck().all() as number[];
  wholeOrders.set(db, { stamp, order, seqs });
  return seqs;
}

/**
 * One window of the library in a given order, and how many sources there are to page
 * through. The window's row numbers come from the order's index alone (the rows before it
 * are skipped inside the index), then only its rows are read. A filter is matched on the
 * title's index, which holds the publisher too, so no source row is read for it: its set
 * (what it lets through, or what it leaves out, whichever is smaller) is collected from
 * that index, and the order's index is walked testing membership of the set. Each step's
 * cost is bounded by the size of the library, whatever the filter and wherever the
 * window: a walk testing each source's title instead is fast when matches are many and
 * spread evenly, and reads the whole library for a rare word or one the order puts last.
 */
export function pageSources(db: Db, request: SourcePageRequest): SourcePage {
  const { offset, limit, sort } = request;
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`offset must be a whole number ≥ 0, not ${offset}`);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SOURCE_PAGE) throw new RangeError(`limit must be 1 to ${MAX_SOURCE_PAGE}, not ${limit}`);
  const order = ORDER[sort]?.[request.direction ?? DEFAULT_SORT_DIRECTION[sort]];
  if (!order) throw new RangeError(`no such order: ${sort} ${request.direction ?? ''}`);
  const all = prepared(db, `SELECT count(*) FROM sources`).pluck().get() as number;
  const filter = filterCondition(request.filter);
  const total = filter ? (prepared(db, `SELECT count(*) FROM sources x INDEXED BY sources_by_title WHERE ${filter.condition}`).pluck().get(...filter.values) as number) : all;
  let seqs: number[] = [];
  if (offset >= total) {
    // Past the end: an empty window, with the total to page back into.
  } else if (!filter && UNINDEXED.has(sort)) seqs = wholeOrder(db, order).slice(offset, offset + limit);
  else if (!filter) seqs = prepared(db, `SELECT s.seq FROM sources s ORDER BY ${order} LIMIT ? OFFSET ?`).pluck().all(limit, offset) as number[];
  else {
    // The unary + keeps SQLite from looking each member up by its row number and sorting them all.
    const leaveOut = total * 2 > all;
    seqs = prepared(
      db,
      `SELECT s.seq FROM sources s WHERE +s.seq ${leaveOut ? 'NOT IN' : 'IN'} (SELECT x.seq FROM sources x INDEXED BY sources_by_title WHERE ${leaveOut ? 'NOT ' : ''}(${filter.condition}))
       ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(...filter.values, limit, offset) as number[];
  }
  const rows = prepared(db, `SELECT x.*, ${MENTIONS.replace('s.id', 'x.id')} AS mention_count FROM (${SELECT} WHERE s.seq IN (SELECT value FROM json_each(?))) x`).all(
    JSON.stringify(seqs),
  ) as (SourceRow & { mention_count: number })[];
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  // The page's rows' tags (the library's Tags column), read for the page only.
  const tags = tagsOfSources(db, rows.map((r) => r.id));
  return { total, offset, rows: seqs.flatMap((seq) => (bySeq.has(seq) ? [{ ...toSummary(bySeq.get(seq)!), mentionCount: bySeq.get(seq)!.mention_count, tags: tags.get(bySeq.get(seq)!.id) ?? [] }] : [])) };
}

export function getSourceSummary(db: Db, id: string): SourceSummary | null {
  const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as SourceRow | undefined;
  return row ? toSummary(row) : null;
}

export function getSource(db: Db, id: string): Source | null {
  const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as SourceRow | undefined;
  if (!row) return null;
  const v = getVersionText(db, id, row.current_version)!;
  return { ...toSummary(row), text: v.text, contentHash: v.contentHash, pages: v.pages, ocr: v.ocr };
}

export function getVersionText(db: Db, sourceId: string, version: number): { text: string; contentHash: string; pages: PageSpan[] | null; ocr: OcrPageInfo[] | null } | null {
  const v = db.prepare(`SELECT text, content_hash, pages, ocr FROM source_versions WHERE source_id = ? AND version = ?`).get(sourceId, version) as
    | { text: string; content_hash: string; pages: string | null; ocr: string | null }
    | undefined;
  return v ? { text: v.text, contentHash: v.content_hash, pages: decodePages(v.pages), ocr: decodeOcr(v.ocr) } : null;
}

export function listVersions(db: Db, sourceId: string): SourceVersion[] {
  return (
    db
      .prepare(
        `SELECT v.version, v.created_at, v.original_name, length(v.text) AS length, v.version = s.current_version AS current, v.language
         FROM source_versions v JOIN sources s ON s.id = v.source_id WHERE v.source_id = ? ORDER BY v.version`,
      )
      .all(sourceId) as { version: number; created_at: string; original_name: string | null; length: number; current: number; language: string | null }[]
  ).map((r) => ({
    version: r.version,
    createdAt: r.created_at,
    originalName: r.original_name,
    length: r.length,
    current: r.current === 1,
    // 'und' (too little text to tell) is shown as no language.
    language: r.language === 'und' ? null : r.language,
  }));
}

/** Adds a new version of a source's text and makes it current; returns its number. */
export function addVersion(db: Db, sourceId: string, v: { text: string; original: Buffer | null; originalName: string | null; pages?: readonly PageSpan[] | null; language?: string | null; ocr?: readonly OcrPageInfo[] | null }): number {
  const { next } = db.prepare(`SELECT coalesce(max(version), 0) + 1 AS next FROM source_versions WHERE source_id = ?`).get(sourceId) as { next: number };
  const now = nowIso();
  const textHash = contentHash(v.text);
  const original = storeOriginal(v.original, v.text, textHash);
  db.prepare(
    `INSERT INTO source_versions (source_id, version, text, content_hash, original, original_encoding, original_hash, original_name, pages, language, ocr, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(sourceId, next, v.text, textHash, original.original, original.encoding, original.hash, v.originalName, encodePages(v.pages), v.language ?? null, encodeOcr(v.ocr), now);
  db.prepare(`UPDATE sources SET current_version = ?, updated_at = ? WHERE id = ?`).run(next, now, sourceId);
  indexQueuedCjk(db);
  return next;
}

/** The title of a source whose current text has this hash, if any (duplicate check). */
export function findSourceByHash(db: Db, hash: string): { id: string; title: string } | null {
  const row = prepared(
    db,
    `SELECT s.id, s.title FROM source_versions v JOIN sources s ON s.id = v.source_id AND s.current_version = v.version WHERE v.content_hash = ? LIMIT 1`,
  ).get(hash) as { id: string; title: string } | undefined;
  return row ?? null;
}

/**
 * A source an imported file may be a new version of: the same web address, or else the
 * same file name and title (a report saved again under its own name). Most recent first.
 */
export function findSourceLike(db: Db, s: { url: string | null; originalName: string | null; title: string }): { id: string; title: string } | null {
  const row = (
    s.url
      ? prepared(db, `SELECT id, title FROM sources WHERE url = ? ORDER BY seq DESC LIMIT 1`).get(s.url)
      : s.originalName
        ? prepared(db, `SELECT id, title FROM sources WHERE original_name = ? AND title = ? ORDER BY seq DESC LIMIT 1`).get(s.originalName, s.title)
        : undefined
  ) as { id: string; title: string } | undefined;
  return row ?? null;
}

export type SourceMetaPatch = Partial<SourceMeta> & { reliability?: Reliability | null };

export function updateSourceMeta(db: Db, id: string, patch: SourceMetaPatch): boolean {
  const columns: Record<keyof SourceMetaPatch, string> = {
    title: 'title',
    author: 'author',
    publisher: 'publisher',
    publishedAt: 'published_at',
    url: 'url',
    language: 'language',
    reliability: 'reliability',
  };
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const key of Object.keys(columns) as (keyof SourceMetaPatch)[]) {
    if (patch[key] === undefined) continue;
    sets.push(`${columns[key]} = ?`);
    values.push(patch[key]);
  }
  if (sets.length === 0) return getSourceSummary(db, id) !== null;
  sets.push('updated_at = ?');
  values.push(nowIso(), id);
  return db.prepare(`UPDATE sources SET ${sets.join(', ')} WHERE id = ?`).run(...values).changes > 0;
}

export function deleteSource(db: Db, id: string): boolean {
  return db.prepare(`DELETE FROM sources WHERE id = ?`).run(id).changes > 0;
}

/** Every source's id, in import order. */
export function listSourceIds(db: Db): string[] {
  return db.prepare(`SELECT id FROM sources ORDER BY seq`).pluck().all() as string[];
}

/** Every source's current text with its hash, in import order. */
export function currentTexts(db: Db): { id: string; text: string; contentHash: string }[] {
  return db
    .prepare(`SELECT s.id, v.text, v.content_hash AS contentHash FROM sources s JOIN source_versions v ON v.source_id = s.id AND v.version = s.current_version ORDER BY s.seq`)
    .all() as { id: string; text: string; contentHash: string }[];
}

/** How many sources there are of each language (null: not known). */
export function languageCounts(db: Db): { language: string | null; count: number }[] {
  return db.prepare(`SELECT language, count(*) AS count FROM sources GROUP BY language COLLATE NOCASE ORDER BY count DESC`).all() as { language: string | null; count: number }[];
}

/** The ids of the sources of a known language, with it. */
export function sourceLanguages(db: Db): Map<string, string> {
  return new Map(db.prepare(`SELECT id, language FROM sources WHERE language IS NOT NULL`).raw().all() as [string, string][]);
}

/** The languages (ISO 639-1, lower case) the sources are in, the commonest first (at most 12). */
export function commonLanguages(db: Db): string[] {
  return prepared(db, `SELECT lower(substr(language, 1, 2)) AS code FROM sources WHERE language IS NOT NULL GROUP BY code ORDER BY count(*) DESC LIMIT 12`).pluck().all() as string[];
}
