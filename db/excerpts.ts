import type { Db } from './workspace';
import { pageAt, type AnchorState, type EntityRef, type ExcerptView, type Reliability } from './domain';
import { newId, nowIso } from './ids';

interface ExcerptRow {
  id: string;
  source_id: string;
  version: number;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  note: string;
  credibility: number | null;
  anchor_state: AnchorState;
  anchor_score: number | null;
  previous_quote: string | null;
  event_date: string | null;
  pages: string | null;
  created_at: string;
  updated_at: string;
  source_title: string;
  source_publisher: string | null;
  source_published_at: string | null;
  source_url: string | null;
  reliability: Reliability | null;
}

const SELECT = `SELECT e.*, s.title AS source_title, s.publisher AS source_publisher, s.published_at AS source_published_at,
  s.url AS source_url, coalesce(s.reliability, p.reliability) AS reliability, v.pages
  FROM excerpts e JOIN sources s ON s.id = e.source_id
  LEFT JOIN publishers p ON p.name = s.publisher
  LEFT JOIN source_versions v ON v.source_id = e.source_id AND v.version = e.version`;

function tagsOf(db: Db, ids: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT et.excerpt_id, t.name FROM excerpt_tags et JOIN tags t ON t.id = et.tag_id
       WHERE et.excerpt_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`,
    )
    .all(JSON.stringify(ids)) as { excerpt_id: string; name: string }[];
  for (const r of rows) out.set(r.excerpt_id, [...(out.get(r.excerpt_id) ?? []), r.name]);
  return out;
}

function entitiesOf(db: Db, ids: string[]): Map<string, EntityRef[]> {
  const out = new Map<string, EntityRef[]>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT x.excerpt_id, n.id, n.name, n.type FROM excerpt_entities x JOIN entities n ON n.id = x.entity_id
       WHERE x.excerpt_id IN (SELECT value FROM json_each(?)) ORDER BY n.name COLLATE NOCASE`,
    )
    .all(JSON.stringify(ids)) as ({ excerpt_id: string } & EntityRef)[];
  for (const { excerpt_id, ...ref } of rows) out.set(excerpt_id, [...(out.get(excerpt_id) ?? []), ref]);
  return out;
}

function toViews(db: Db, rows: ExcerptRow[]): ExcerptView[] {
  const ids = rows.map((r) => r.id);
  const tags = tagsOf(db, ids);
  const entities = entitiesOf(db, ids);
  return rows.map((r) => ({
    id: r.id,
    sourceId: r.source_id,
    version: r.version,
    start: r.start,
    end: r.end,
    quote: r.quote,
    prefix: r.prefix,
    suffix: r.suffix,
    note: r.note,
    credibility: r.credibility,
    state: r.anchor_state,
    score: r.anchor_score,
    page: r.pages ? pageAt((JSON.parse(r.pages) as [number, number][]).map(([start, end], i) => ({ page: i + 1, start, end })), r.start) : null,
    previousQuote: r.previous_quote,
    eventDate: r.event_date,
    tags: tags.get(r.id) ?? [],
    entities: entities.get(r.id) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    sourceTitle: r.source_title,
    sourcePublisher: r.source_publisher,
    sourcePublishedAt: r.source_published_at,
    sourceUrl: r.source_url,
    reliability: r.reliability,
  }));
}

export interface NewExcerpt {
  sourceId: string;
  version: number;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  note?: string;
  credibility?: number | null;
}

export function insertExcerpt(db: Db, x: NewExcerpt): string {
  const id = newId('exc');
  const now = nowIso();
  db.prepare(
    `INSERT INTO excerpts (id, source_id, version, start, end, quote, prefix, suffix, note, credibility, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, x.sourceId, x.version, x.start, x.end, x.quote, x.prefix, x.suffix, x.note ?? '', x.credibility ?? null, now, now);
  return id;
}

export function getExcerpt(db: Db, id: string): ExcerptView | null {
  const rows = db.prepare(`${SELECT} WHERE e.id = ?`).all(id) as ExcerptRow[];
  return toViews(db, rows)[0] ?? null;
}

/** Several excerpts at once, in the order asked; unknown ids are simply absent. */
export function getExcerpts(db: Db, ids: readonly string[]): ExcerptView[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`${SELECT} WHERE e.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as ExcerptRow[];
  const byId = new Map(toViews(db, rows).map((v) => [v.id, v]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function listExcerptsOfSource(db: Db, sourceId: string): ExcerptView[] {
  return toViews(db, db.prepare(`${SELECT} WHERE e.source_id = ? ORDER BY e.start, e.end`).all(sourceId) as ExcerptRow[]);
}

export function listExcerpts(db: Db, limit = 500): ExcerptView[] {
  return toViews(db, db.prepare(`${SELECT} ORDER BY e.created_at DESC, e.seq DESC LIMIT ?`).all(limit) as ExcerptRow[]);
}

export function updateExcerptFields(db: Db, id: string, patch: { note?: string; credibility?: number | null; eventDate?: string | null }): boolean {
  const sets: string[] = [];
  const values: unknown[] = [];
  if (patch.eventDate !== undefined) {
    sets.push('event_date = ?');
    values.push(patch.eventDate);
  }
  if (patch.note !== undefined) {
    sets.push('note = ?');
    values.push(patch.note);
  }
  if (patch.credibility !== undefined) {
    sets.push('credibility = ?');
    values.push(patch.credibility);
  }
  sets.push('updated_at = ?');
  values.push(nowIso(), id);
  return db.prepare(`UPDATE excerpts SET ${sets.join(', ')} WHERE id = ?`).run(...values).changes > 0;
}

/** Marks the excerpt as changed (tags or entities are kept in their own tables). */
export function touchExcerpt(db: Db, id: string): void {
  db.prepare(`UPDATE excerpts SET updated_at = ? WHERE id = ?`).run(nowIso(), id);
}

export function deleteExcerpt(db: Db, id: string): boolean {
  return db.prepare(`DELETE FROM excerpts WHERE id = ?`).run(id).changes > 0;
}

/** Where re-anchoring put an excerpt (or, for an orphan, that it lost its passage). */
export interface AnchorUpdate {
  version: number;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  state: AnchorState;
  score: number | null;
  previousQuote: string | null;
}

export function setExcerptAnchor(db: Db, id: string, a: AnchorUpdate): void {
  db.prepare(
    `UPDATE excerpts SET version = ?, start = ?, end = ?, quote = ?, prefix = ?, suffix = ?, anchor_state = ?, anchor_score = ?,
       previous_quote = ?, reanchored_at = ?, updated_at = ? WHERE id = ?`,
  ).run(a.version, a.start, a.end, a.quote, a.prefix, a.suffix, a.state, a.score, a.previousQuote, nowIso(), nowIso(), id);
}

/** Fuzzy and orphaned excerpts: what the review list walks the analyst through. */
export function listExcerptsToReview(db: Db, sourceId?: string): ExcerptView[] {
  const rows = sourceId
    ? db.prepare(`${SELECT} WHERE e.anchor_state IN ('fuzzy','orphaned') AND e.source_id = ? ORDER BY e.anchor_state, e.start`).all(sourceId)
    : db.prepare(`${SELECT} WHERE e.anchor_state IN ('fuzzy','orphaned') ORDER BY s.title, e.anchor_state, e.start`).all();
  return toViews(db, rows as ExcerptRow[]);
}

/** Excerpts with an event date, in date order: the timeline. */
export function listDatedExcerpts(db: Db): ExcerptView[] {
  return toViews(db, db.prepare(`${SELECT} WHERE e.event_date IS NOT NULL ORDER BY e.event_date, e.seq`).all() as ExcerptRow[]);
}
