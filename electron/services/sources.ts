// Sources as the front doors (IPC handlers, CLI) see them: the library (whole, or a window
// of it in an order: pageSources), one source with
// its text, metadata edits, versions, where a source is cited, and publishers. Imports
// and text replacement live in importer.ts and versions.ts; grading in grading.ts.
import type { Db } from '../../db/workspace';
import type { Reliability, Source, SourceSummary, SourceVersion } from '../../db/domain';
import { getSource, getSourceSummary, listSources, listVersions, pageSources, updateSourceMeta, type SourceMetaPatch } from '../../db/sources';
import { getPublisherReliability, listPublishers, setPublisherReliability } from '../../db/publishers';
import { sourceCitedIn } from '../../db/briefs';
import { trashItem } from '../../db/trash';
import { found, UserError } from './errors';
import { normalizeTag, tagSources } from '../../db/tags';

export { listSources, pageSources, listPublishers };

export function requireSource(db: Db, id: string): Source {
  return found(getSource(db, id), 'source', id);
}

function requireSourceSummary(db: Db, id: string): SourceSummary {
  return found(getSourceSummary(db, id), 'source', id);
}

export function updateSource(db: Db, id: string, patch: SourceMetaPatch): SourceSummary {
  requireSourceSummary(db, id);
  updateSourceMeta(db, id, patch);
  return requireSourceSummary(db, id);
}

/** Moves sources to the Trash, all of them or (on an error) none; returns those that were there to move. */
export function removeSources(db: Db, ids: readonly string[]): string[] {
  return db.transaction(() => [...new Set(ids)].filter((id) => trashItem(db, 'source', id))).immediate();
}

/** Moves a source to the Trash with its versions, excerpts and mentions; citations of its excerpts show them deleted until it is restored. */
export function removeSource(db: Db, id: string): boolean {
  return trashItem(db, 'source', id);
}

export function sourceVersions(db: Db, id: string): SourceVersion[] {
  requireSourceSummary(db, id);
  return listVersions(db, id);
}

/**
 * The briefs citing a source's excerpts. A source that is not there (moved to the Trash a
 * moment ago, while the reader still shows it) is cited nowhere: an answer, not an error
 * the window would put in front of the person.
 */
export function whereSourceIsCited(db: Db, id: string): ReturnType<typeof sourceCitedIn> {
  return sourceCitedIn(db, id);
}

export function gradePublisher(db: Db, name: string, reliability: Reliability | null): { name: string; reliability: Reliability | null } {
  setPublisherReliability(db, name, reliability);
  return { name, reliability: getPublisherReliability(db, name) };
}

/**
 * Adds and removes tags on several sources (the library's bulk Tag…), all or none: an
 * unknown source or an empty tag refuses the whole change with a sentence.
 */
export function tagSourcesMany(db: Db, ids: readonly string[], add: readonly string[], remove: readonly string[]): { tagged: number } {
  const clean = (list: readonly string[]) => list.map((t) => ({ raw: t, name: normalizeTag(t) }));
  for (const t of [...clean(add), ...clean(remove)]) {
    if (!t.name) throw new UserError(`“${t.raw.slice(0, 40)}” is not a tag: a tag needs letters or digits (write levels as customs/drones).`);
    if (/[\u0000-\u001f\u007f]/.test(t.name)) throw new UserError(`A tag cannot hold control characters.`);
  }
  if (!add.length && !remove.length) throw new UserError('Name a tag to add or to remove.');
  return db.transaction(() => {
    const unique = [...new Set(ids)];
    const missing = unique.find((id) => !getSourceSummary(db, id));
    if (missing) throw new UserError(`No source with id ${missing}: nothing was tagged.`);
    tagSources(db, unique, add, remove);
    return { tagged: unique.length };
  }).immediate();
}
