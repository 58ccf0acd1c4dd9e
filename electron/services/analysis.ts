// The analysis views' data: an entity's page, the co-occurrence matrix with the passages
// behind each cell, and the link chart's graph where every edge carries its evidence.
import type { Db } from '../../db/workspace';
import type { Entity, ExcerptView } from '../../db/domain';
import { excerptIdsOfEntity, getEntity, listEntities } from '../../db/entities';
import { briefsAboutEntity } from '../../db/briefs';
import { getExcerpts, listDatedExcerpts } from '../../db/excerpts';
import { cooccurrenceEvidence, cooccurrenceOf, entityCooccurrence, mentionSourcesOfEntity, mentionsOfEntity, mentionsInSource, mentionsOfEntityIn, mentionTotals, tagCooccurrence, type CooccurrenceRow } from '../../db/mentions';
import { listRelations } from '../../db/relations';
import { excerptIdsWithTags } from '../../db/tags';
import { getSource } from '../../db/sources';
import { UserError } from './errors';
import type { MentionGroup, MentionInContext, EntityPage, ParagraphEvidence, GraphEdge, Graph, SourceMention } from './views';
export type { MentionGroup, MentionInContext, EntityPage, ParagraphEvidence, GraphEdge, Graph, SourceMention };



const CONTEXT = 90;

/** Sources (with their mentions) the entity page shows at first, and per further page. */
export const MENTION_SOURCES_PAGE = 25;
/** Mentions shown in context per source (the count says how many there are). */
const MENTIONS_PER_SOURCE = 100;

/**
 * An entity's page: its excerpts, the first sources mentioning it (the rest are paged:
 * mentionSources), the briefs about it and the entities it shares passages with. Each
 * source's text is read once however often it mentions the entity, and only the pairs
 * involving this entity are counted, so the page opens at once with thousands of mentions.
 */
export function entityPage(db: Db, id: string): EntityPage {
  const entity = getEntity(db, id);
  if (!entity) throw new UserError(`No entity with id ${id}.`);
  const excerptIds = excerptIdsOfEntity(db, id);
  const totals = mentionTotals(db, id);
  const briefs = briefsAboutEntity(db, id);
  const names = new Map(listEntities(db).map((e) => [e.id, { id: e.id, name: e.name, type: e.type }]));
  const cooccurring = cooccurrenceOf(db, id).flatMap((r) => (names.has(r.other) ? [{ entity: names.get(r.other)!, excerpts: r.excerpts, paragraphs: r.paragraphs }] : []));
  return {
    entity,
    excerpts: getExcerpts(db, excerptIds),
    mentions: mentionSources(db, id, 0, MENTION_SOURCES_PAGE),
    mentionCount: totals.mentions,
    mentionSourceCount: totals.sources,
    briefs,
    cooccurring,
  };
}

/** A window of the sources mentioning an entity (by title), each with its mentions in context. */
export function mentionSources(db: Db, id: string, offset: number, limit: number): MentionGroup[] {
  if (!getEntity(db, id)) throw new UserError(`No entity with id ${id}.`);
  return mentionSourcesOfEntity(db, id, offset, limit).map((group) => {
    const text = getSource(db, group.sourceId)!.text;
    return {
      ...group,
      mentions: mentionsOfEntityIn(db, id, group.sourceId, MENTIONS_PER_SOURCE).map((m) => ({
        start: m.start,
        end: m.end,
        text: m.text,
        before: text.slice(Math.max(0, m.start - CONTEXT), m.start),
        after: text.slice(m.end, m.end + CONTEXT),
      })),
    };
  });
}

/** The text of paragraph n of a source (blocks separated by a blank line), with its offsets. */
export function paragraphOf(text: string, n: number): { start: number; end: number; text: string } {
  let start = 0;
  for (let i = 0; i < n; i++) {
    const at = text.indexOf('\n\n', start);
    if (at < 0) return { start: text.length, end: text.length, text: '' };
    start = at + 2;
  }
  const stop = text.indexOf('\n\n', start);
  const end = stop < 0 ? text.length : stop;
  return { start, end, text: text.slice(start, end) };
}

/** The passages behind a co-occurrence cell or a co-occurrence edge. */
export function pairEvidence(db: Db, a: string, b: string): { excerpts: ExcerptView[]; paragraphs: ParagraphEvidence[] } {
  const { excerptIds, paragraphs } = cooccurrenceEvidence(db, a, b);
  return {
    excerpts: getExcerpts(db, excerptIds),
    paragraphs: paragraphs.map((p) => {
      const source = getSource(db, p.sourceId)!;
      return { sourceId: p.sourceId, sourceTitle: source.title, paragraph: p.paragraph, ...paragraphOf(source.text, p.paragraph) };
    }),
  };
}



export function entityGraph(db: Db): Graph {
  const nodes = listEntities(db).map((e) => ({ id: e.id, name: e.name, type: e.type, excerpts: e.excerptCount, mentions: e.mentionCount }));
  const co: CooccurrenceRow[] = entityCooccurrence(db);
  const edges: GraphEdge[] = co.map((r) => ({
    id: `co:${r.a}:${r.b}`,
    source: r.a,
    target: r.b,
    kind: 'cooccurrence',
    label: null,
    weight: r.excerpts + r.paragraphs,
    excerptIds: cooccurrenceEvidence(db, r.a, r.b).excerptIds,
    paragraphs: r.paragraphs,
  }));
  for (const rel of listRelations(db)) {
    edges.push({ id: rel.id, source: rel.fromId, target: rel.toId, kind: 'relation', label: rel.label, weight: rel.evidence.length, excerptIds: rel.evidence, paragraphs: 0 });
  }
  const ids = [...new Set(edges.flatMap((e) => e.excerptIds))];
  return { nodes, edges, excerpts: getExcerpts(db, ids) };
}


/** Mentions in one source with their entity, for the reader's marks. */
export function sourceMentions(db: Db, sourceId: string): SourceMention[] {
  const names = new Map(listEntities(db).map((e) => [e.id, e]));
  return mentionsInSource(db, sourceId).flatMap((m) => {
    const e = names.get(m.entityId);
    return e ? [{ entityId: e.id, entityName: e.name, entityType: e.type, start: m.start, end: m.end }] : [];
  });
}

export function timeline(db: Db): ExcerptView[] {
  return listDatedExcerpts(db);
}

/** The co-occurrence matrix: every entity, the pairs seen together, and tag pairs. */
export function cooccurrence(db: Db): { entities: Entity[]; pairs: CooccurrenceRow[]; tags: ReturnType<typeof tagCooccurrence> } {
  return { entities: listEntities(db), pairs: entityCooccurrence(db), tags: tagCooccurrence(db) };
}

/** The excerpts behind a tag-pair cell: those tagged with both. */
export function tagPairEvidence(db: Db, a: string, b: string): ExcerptView[] {
  return getExcerpts(db, excerptIdsWithTags(db, a, b));
}

export { entityCooccurrence, listDatedExcerpts };

/** Where an entity is mentioned, for the CLI's `entity mentions`. */
export function entityMentions(db: Db, id: string): ReturnType<typeof mentionsOfEntity> {
  if (!getEntity(db, id)) throw new UserError(`No entity with id ${id}.`);
  return mentionsOfEntity(db, id);
}
