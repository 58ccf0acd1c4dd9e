import { createHash } from 'node:crypto';
import type { Db } from './workspace';
import type { Reliability, Source, SourceFormat, SourceMeta, SourceSummary } from './domain';
import { newId, nowIso } from './ids';

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
    excerptCount: r.excerpt_count,
  };
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface NewSource extends SourceMeta {
  format: SourceFormat;
  originalName: string | null;
  text: string;
  original: Buffer | null;
  capturedAt?: string;
}

const SELECT = `SELECT s.*, (SELECT count(*) FROM excerpts e WHERE e.source_id = s.id) AS excerpt_count FROM sources s`;

/** Inserts a source and its first version. Call inside a transaction with anything related. */
export function insertSource(db: Db, s: NewSource): string {
  const id = newId('src');
  const now = nowIso();
  db.prepare(
    `INSERT INTO sources (id, title, author, publisher, published_at, url, language, original_format, original_name, captured_at, current_version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  ).run(id, s.title, s.author, s.publisher, s.publishedAt, s.url, s.language, s.format, s.originalName, s.capturedAt ?? now, now, now);
  db.prepare(`INSERT INTO source_versions (source_id, version, text, content_hash, original, created_at) VALUES (?, 1, ?, ?, ?, ?)`).run(
    id,
    s.text,
    contentHash(s.text),
    s.original,
    now,
  );
  return id;
}

export function listSources(db: Db): SourceSummary[] {
  return (db.prepare(`${SELECT} ORDER BY s.created_at DESC, s.seq DESC`).all() as SourceRow[]).map(toSummary);
}

export function getSourceSummary(db: Db, id: string): SourceSummary | null {
  const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as SourceRow | undefined;
  return row ? toSummary(row) : null;
}

export function getSource(db: Db, id: string): Source | null {
  const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as SourceRow | undefined;
  if (!row) return null;
  const v = db
    .prepare(`SELECT text, content_hash FROM source_versions WHERE source_id = ? AND version = ?`)
    .get(id, row.current_version) as { text: string; content_hash: string };
  return { ...toSummary(row), version: row.current_version, text: v.text, contentHash: v.content_hash };
}

/** The title of a source whose current text has this hash, if any (duplicate check). */
export function findSourceByHash(db: Db, hash: string): { id: string; title: string } | null {
  const row = db
    .prepare(
      `SELECT s.id, s.title FROM source_versions v JOIN sources s ON s.id = v.source_id AND s.current_version = v.version WHERE v.content_hash = ? LIMIT 1`,
    )
    .get(hash) as { id: string; title: string } | undefined;
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
