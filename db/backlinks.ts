// What in the workspace points at a brief's matter (issue #13's Backlinks panel). Briefs
// do not link to each other in Sourcebook: a brief's links are its citations (to excerpts,
// and through them to sources) and its @-mentions of entities. So a brief's backlinks are
// the other briefs that cite the same evidence or name the same entities, and the sources
// it draws on. Each query starts from this brief's few citations and mentions and follows
// the indexes (brief_citations by excerpt, excerpts by source, mentions by entity): its
// cost is that of the evidence shared, never of the number of briefs or sources.
import type { Db } from './workspace';
import { prepared } from './statements';

export interface BriefBacklinks {
  /** Other briefs citing any source this one cites: how many of its excerpts and sources they share, most first. */
  sharingEvidence: { briefId: string; title: string; excerpts: number; sources: number }[];
  /** Other briefs @-mentioning entities this one mentions, with those entities, most first. */
  sharingEntities: { briefId: string; title: string; entities: { id: string; name: string }[] }[];
  /** The sources this brief cites, with how many citations each, most cited first. */
  sources: { sourceId: string; title: string; citations: number }[];
}

/** Lists stay short: a panel, not a report. */
export const BACKLINKS_LIMIT = 50;

const SHARING_EVIDENCE = `
  WITH mine AS (SELECT DISTINCT c.excerpt_id, e.source_id FROM brief_citations c JOIN excerpts e ON e.id = c.excerpt_id WHERE c.brief_id = @id),
  theirs AS (
    SELECT c.brief_id, c.excerpt_id, e.source_id FROM excerpts e JOIN brief_citations c ON c.excerpt_id = e.id
    WHERE e.source_id IN (SELECT source_id FROM mine) AND c.brief_id <> @id)
  SELECT b.id AS briefId, b.title,
         count(DISTINCT CASE WHEN t.excerpt_id IN (SELECT excerpt_id FROM mine) THEN t.excerpt_id END) AS excerpts,
         count(DISTINCT t.source_id) AS sources
  FROM theirs t JOIN briefs b ON b.id = t.brief_id
  GROUP BY b.id ORDER BY excerpts DESC, sources DESC, b.title LIMIT ${BACKLINKS_LIMIT}`;

const SHARING_ENTITIES = `
  SELECT b.id AS briefId, b.title, n.id AS entityId, n.name
  FROM brief_entity_mentions m JOIN briefs b ON b.id = m.brief_id JOIN entities n ON n.id = m.entity_id
  WHERE m.entity_id IN (SELECT entity_id FROM brief_entity_mentions WHERE brief_id = @id) AND m.brief_id <> @id
  ORDER BY n.name`;

const CITED_SOURCES = `
  SELECT s.id AS sourceId, s.title, count(*) AS citations
  FROM brief_citations c JOIN excerpts e ON e.id = c.excerpt_id JOIN sources s ON s.id = e.source_id
  WHERE c.brief_id = @id GROUP BY s.id ORDER BY citations DESC, s.title LIMIT ${BACKLINKS_LIMIT}`;

export function briefBacklinks(db: Db, briefId: string): BriefBacklinks {
  const params = { id: briefId };
  const byBrief = new Map<string, BriefBacklinks['sharingEntities'][number]>();
  for (const r of prepared(db, SHARING_ENTITIES).all(params) as { briefId: string; title: string; entityId: string; name: string }[]) {
    const entry = byBrief.get(r.briefId) ?? { briefId: r.briefId, title: r.title, entities: [] };
    entry.entities.push({ id: r.entityId, name: r.name });
    byBrief.set(r.briefId, entry);
  }
  return {
    sharingEvidence: prepared(db, SHARING_EVIDENCE).all(params) as BriefBacklinks['sharingEvidence'],
    sharingEntities: [...byBrief.values()].sort((a, b) => b.entities.length - a.entities.length || a.title.localeCompare(b.title)).slice(0, BACKLINKS_LIMIT),
    sources: prepared(db, CITED_SOURCES).all(params) as BriefBacklinks['sources'],
  };
}
