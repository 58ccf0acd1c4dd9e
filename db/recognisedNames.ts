import type { Db } from './workspace';
import { prepared } from './statements';

// Names an entity recogniser found in a text, by the text's content hash and the
// recogniser's identity (its name and version: a new one recognises differently, so its
// results are its own). The names are stored as the recogniser's JSON: this layer keeps
// them, it does not read them.

export function getRecognisedNames(db: Db, contentHash: string, recogniser: string): string | null {
  const row = prepared(db, `SELECT names FROM recognised_names WHERE content_hash = ? AND recogniser = ?`).get(contentHash, recogniser) as { names: string } | undefined;
  return row?.names ?? null;
}

export function putRecognisedNames(db: Db, contentHash: string, recogniser: string, names: string): void {
  prepared(db, `INSERT OR REPLACE INTO recognised_names (content_hash, recogniser, names) VALUES (?, ?, ?)`).run(contentHash, recogniser, names);
}

/** By each language of the library: how many sources there are, and how many of their current texts `recogniser` has read. */
export function recognitionByLanguage(db: Db, recogniser: string): { language: string | null; total: number; read: number }[] {
  return prepared(
    db,
    `SELECT s.language AS language, count(*) AS total,
            sum(EXISTS (SELECT 1 FROM recognised_names r WHERE r.content_hash = v.content_hash AND r.recogniser = ?)) AS read
     FROM sources s JOIN source_versions v ON v.source_id = s.id AND v.version = s.current_version GROUP BY s.language`,
  ).all(recogniser) as { language: string | null; total: number; read: number }[];
}

/** Names the analyst said are not entities (compared folded by the caller). */
export function rejectedSuggestions(db: Db): string[] {
  return db.prepare(`SELECT name FROM rejected_suggestions`).pluck().all() as string[];
}

export function rejectSuggestionName(db: Db, name: string): void {
  db.prepare(`INSERT OR IGNORE INTO rejected_suggestions (name) VALUES (?)`).run(name);
}
