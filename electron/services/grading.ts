import type { Db } from '../../db/workspace';
import type { Reliability, SourceSummary } from '../../db/domain';
import { getSourceSummary, updateSourceMeta } from '../../db/sources';
import { getPublisherReliability, setPublisherReliability } from '../../db/publishers';
import { UserError } from './errors';

/** Grades several sources at once, as gradeSource grades each, in one transaction; an unknown id refuses them all. */
export function gradeSources(db: Db, sourceIds: readonly string[], reliability: Reliability | null): { graded: number } {
  return db.transaction(() => {
    const ids = [...new Set(sourceIds)];
    for (const id of ids) gradeSource(db, id, reliability);
    return { graded: ids.length };
  }).immediate();
}

/**
 * Grades a source's reliability (A–F, or null to clear it). The first grade given to a
 * source of a publisher becomes that publisher's default, so the publisher's other
 * sources, and the next ones imported, show it until graded themselves.
 */
export function gradeSource(db: Db, sourceId: string, reliability: Reliability | null): SourceSummary {
  return db.transaction(() => {
    const source = getSourceSummary(db, sourceId);
    if (!source) throw new UserError(`No source with id ${sourceId}.`);
    updateSourceMeta(db, sourceId, { reliability });
    if (reliability && source.publisher && !getPublisherReliability(db, source.publisher)) {
      setPublisherReliability(db, source.publisher, reliability);
    }
    return getSourceSummary(db, sourceId)!;
  }).immediate();
}
