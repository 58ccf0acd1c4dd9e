// Bringing the records of another workspace (`other`, an open store) into this one: the
// merge of a colleague's workspace, and — in the other direction — an evidence package.
// Ids are kept: they are random and do not collide, so the same record is the same id.
//  - Sources: the same id, or a current text whose hash is already here, is the same
//    source; its excerpts join it. Others come with all their versions.
//  - Excerpts: the same id is the same excerpt. One made on a text this workspace also
//    has (same hash) lands on that version; otherwise it is returned to be re-anchored.
//  - Entities: the same id, or the same type and a name or alias in common with exactly
//    one entity here, is the same entity (its other names become aliases); a name shared
//    with entities of another type, or with two, is queued in entity_reviews.
//  - Briefs come with their citations, history and entity mentions.
// Mentions are not copied: the caller scans for them (names may differ here).
import type { Db } from './workspace';
import type { Entity } from './domain';
import { listEntities } from './entities';
import { nowIso } from './ids';
import type { BriefDocument } from './brief/document';
import { entityMentionNodes } from './brief/walk';
import { allRows, exists, insertRow, rowsWhere, type Row } from './rows';

/** What to take from `other` (each list: those ids only); none given: everything. */
export interface MergeSelection {
  sources?: readonly string[];
  excerpts?: readonly string[];
  entities?: readonly string[];
  briefs?: readonly string[];
}

export interface MergeOutcome {
  sources: { added: string[]; matched: number };
  excerpts: { added: number; matched: number; toReanchor: { id: string; oldText: string }[] };
  entities: { added: string[]; matched: number; review: number; gainedAliases: { entityId: string; alias: string }[] };
  briefs: { added: number };
}

const names = (e: Pick<Entity, 'name' | 'aliases'>) => [e.name, ...e.aliases].map((n) => n.toLocaleLowerCase());

/** Copies what `selection` names from `other` into `db`, in one transaction. `cameFrom` labels queued reviews. */
export function mergeRows(db: Db, other: Db, cameFrom: string, selection: MergeSelection = {}): MergeOutcome {
  return db.transaction((): MergeOutcome => {
    const pick = (table: string, ids: readonly string[] | undefined) => (ids ? rowsWhere(other, table, 'id', ids) : allRows(other, table));
    const outcome: MergeOutcome = {
      sources: { added: [], matched: 0 },
      excerpts: { added: 0, matched: 0, toReanchor: [] },
      entities: { added: [], matched: 0, review: 0, gainedAliases: [] },
      briefs: { added: 0 },
    };

    // Entities first: excerpts, relations and briefs refer to them.
    const entityMap = new Map<string, string | null>();
    const wanted = selection.entities ? new Set(selection.entities) : null;
    const locals = listEntities(db);
    for (const e of listEntities(other).filter((x) => !wanted || wanted.has(x.id))) {
      if (exists(db, 'entities', 'id', e.id)) {
        entityMap.set(e.id, e.id);
        outcome.entities.matched++;
        continue;
      }
      const theirs = names(e);
      const candidates = locals.filter((l) => names(l).some((n) => theirs.includes(n)));
      if (candidates.length === 1 && candidates[0].type === e.type) {
        const local = candidates[0];
        entityMap.set(e.id, local.id);
        outcome.entities.matched++;
        const ours = names(local);
        for (const alias of [e.name, ...e.aliases]) {
          if (ours.includes(alias.toLocaleLowerCase())) continue;
          insertRow(db, 'entity_aliases', { entity_id: local.id, alias }, { orIgnore: true });
          outcome.entities.gainedAliases.push({ entityId: local.id, alias });
          ours.push(alias.toLocaleLowerCase());
        }
      } else if (candidates.length === 0) {
        insertRow(db, 'entities', rowsWhere(other, 'entities', 'id', [e.id])[0]);
        for (const row of rowsWhere(other, 'entity_aliases', 'entity_id', [e.id])) insertRow(db, 'entity_aliases', row, { orIgnore: true });
        entityMap.set(e.id, e.id);
        outcome.entities.added.push(e.id);
        locals.push(e);
      } else {
        entityMap.set(e.id, null);
        outcome.entities.review++;
        const excerptIds = rowsWhere(other, 'excerpt_entities', 'entity_id', [e.id]).map((r) => r.excerpt_id);
        insertRow(
          db,
          'entity_reviews',
          { id: e.id, name: e.name, type: e.type, aliases: JSON.stringify(e.aliases), description: e.description ?? '', candidates: JSON.stringify(candidates.map((c) => c.id)), excerpt_ids: JSON.stringify(excerptIds), came_from: cameFrom, created_at: nowIso() },
          { orIgnore: true },
        );
      }
    }

    // Sources, with every version of those that are new here. A source's versions (texts
    // included) are read once, not again for each excerpt made on it.
    const versions = new Map<string, Row[]>();
    const versionsOf = (sourceId: string) => versions.get(sourceId) ?? versions.set(sourceId, rowsWhere(other, 'source_versions', 'source_id', [sourceId])).get(sourceId)!;
    const sourceMap = new Map<string, { id: string; added: boolean }>();
    for (const s of pick('sources', selection.sources)) {
      const id = s.id as string;
      const current = versionsOf(id).find((v) => v.version === s.current_version);
      const sameText = current ? (db.prepare(`SELECT source_id FROM source_versions v JOIN sources s ON s.id = v.source_id AND s.current_version = v.version WHERE v.content_hash = ? LIMIT 1`).pluck().get(current.content_hash) as string | undefined) : undefined;
      const local = exists(db, 'sources', 'id', id) ? id : sameText;
      if (local) {
        sourceMap.set(id, { id: local, added: false });
        outcome.sources.matched++;
        continue;
      }
      insertRow(db, 'sources', s, { omit: ['seq'] });
      for (const v of versionsOf(id)) insertRow(db, 'source_versions', v);
      if (typeof s.publisher === 'string') for (const p of rowsWhere(other, 'publishers', 'name', [s.publisher])) insertRow(db, 'publishers', p, { orIgnore: true });
      sourceMap.set(id, { id, added: true });
      outcome.sources.added.push(id);
    }

    // Tags travel by name (each workspace numbers its own).
    const tagIds = new Map<unknown, number>();
    const localTag = (otherTagId: unknown): number | null => {
      if (tagIds.has(otherTagId)) return tagIds.get(otherTagId)!;
      const name = other.prepare(`SELECT name FROM tags WHERE id = ?`).pluck().get(otherTagId) as string | undefined;
      if (name === undefined) return null;
      db.prepare(`INSERT OR IGNORE INTO tags (name) VALUES (?)`).run(name);
      const id = db.prepare(`SELECT id FROM tags WHERE name = ?`).pluck().get(name) as number;
      tagIds.set(otherTagId, id);
      return id;
    };
    // A source's own tags (migration 021), onto the source it became here, new or matched.
    for (const [theirs, ours] of sourceMap) {
      for (const t of rowsWhere(other, 'source_tags', 'source_id', [theirs])) {
        const tag = localTag(t.tag_id);
        if (tag !== null) insertRow(db, 'source_tags', { source_id: ours.id, tag_id: tag }, { orIgnore: true });
      }
    }

    // Excerpts, with their tags (by name) and entities (as mapped).
    const excerptRows = selection.excerpts ? rowsWhere(other, 'excerpts', 'id', selection.excerpts) : rowsWhere(other, 'excerpts', 'source_id', [...sourceMap.keys()]);
    for (const x of excerptRows) {
      const source = sourceMap.get(x.source_id as string);
      if (!source) continue;
      if (exists(db, 'excerpts', 'id', x.id)) {
        outcome.excerpts.matched++;
        continue;
      }
      const row: Row = { ...x, source_id: source.id };
      if (!source.added) {
        const version = versionsOf(x.source_id as string).find((v) => v.version === x.version);
        const same = version && (db.prepare(`SELECT version FROM source_versions WHERE source_id = ? AND content_hash = ?`).pluck().get(source.id, version.content_hash) as number | undefined);
        if (same !== undefined && same !== null) row.version = same;
        else {
          row.version = db.prepare(`SELECT current_version FROM sources WHERE id = ?`).pluck().get(source.id);
          outcome.excerpts.toReanchor.push({ id: x.id as string, oldText: (version?.text as string | undefined) ?? '' });
        }
      }
      insertRow(db, 'excerpts', row, { omit: ['seq'] });
      outcome.excerpts.added++;
      for (const t of rowsWhere(other, 'excerpt_tags', 'excerpt_id', [x.id])) {
        const tag = localTag(t.tag_id);
        if (tag !== null) insertRow(db, 'excerpt_tags', { excerpt_id: x.id, tag_id: tag }, { orIgnore: true });
      }
      for (const l of rowsWhere(other, 'excerpt_entities', 'excerpt_id', [x.id])) {
        const entity = entityMap.get(l.entity_id as string);
        if (entity) insertRow(db, 'excerpt_entities', { excerpt_id: x.id, entity_id: entity }, { orIgnore: true });
      }
    }

    // Relations between entities both here, with the evidence that is here.
    for (const r of allRows(other, 'relations')) {
      const from = entityMap.get(r.from_id as string);
      const to = entityMap.get(r.to_id as string);
      if (!from || !to || exists(db, 'relations', 'id', r.id)) continue;
      const evidence = rowsWhere(other, 'relation_evidence', 'relation_id', [r.id]).filter((e) => exists(db, 'excerpts', 'id', e.excerpt_id));
      if (evidence.length === 0) continue; // a relation is never without its evidence
      insertRow(db, 'relations', { ...r, from_id: from, to_id: to });
      for (const e of evidence) insertRow(db, 'relation_evidence', e, { orIgnore: true });
    }

    // Briefs, their entity mentions pointing at the entities as mapped here.
    for (const b of pick('briefs', selection.briefs)) {
      if (exists(db, 'briefs', 'id', b.id)) continue;
      const doc = JSON.parse(b.document as string) as BriefDocument;
      if (doc?.root) {
        for (const mention of entityMentionNodes(doc)) {
          const mapped = typeof mention.entityId === 'string' && mention.entityId ? entityMap.get(mention.entityId) : undefined;
          if (mapped) mention.entityId = mapped;
        }
      }
      insertRow(db, 'briefs', { ...b, document: JSON.stringify(doc) }, { omit: ['seq'] });
      for (const c of rowsWhere(other, 'brief_citations', 'brief_id', [b.id])) insertRow(db, 'brief_citations', c, { orIgnore: true });
      for (const m of rowsWhere(other, 'brief_entity_mentions', 'brief_id', [b.id])) {
        const entity = entityMap.get(m.entity_id as string) ?? (m.entity_id as string);
        insertRow(db, 'brief_entity_mentions', { brief_id: b.id, entity_id: entity }, { orIgnore: true });
      }
      for (const s of rowsWhere(other, 'brief_snapshots', 'brief_id', [b.id])) insertRow(db, 'brief_snapshots', s, { omit: ['id'] });
      outcome.briefs.added++;
    }
    return outcome;
  }).immediate();
}

/** What an evidence package of a brief holds: the brief, the excerpts it cites, their sources and entities. */
export function briefClosure(db: Db, briefId: string): Required<MergeSelection> {
  const excerpts = (db.prepare(`SELECT DISTINCT c.excerpt_id FROM brief_citations c JOIN excerpts x ON x.id = c.excerpt_id WHERE c.brief_id = ?`).pluck().all(briefId) as string[]);
  const sources = rowsWhere(db, 'excerpts', 'id', excerpts).map((x) => x.source_id as string);
  const entities = new Set([
    ...(rowsWhere(db, 'excerpt_entities', 'excerpt_id', excerpts).map((r) => r.entity_id as string)),
    ...(db.prepare(`SELECT m.entity_id FROM brief_entity_mentions m JOIN entities e ON e.id = m.entity_id WHERE m.brief_id = ?`).pluck().all(briefId) as string[]),
  ]);
  return { briefs: [briefId], excerpts, sources: [...new Set(sources)], entities: [...entities] };
}

/**
 * What an evidence package of some sources holds: the sources (every version), all their
 * excerpts, and the entities those excerpts are tagged with or the sources mention; no brief.
 */
export function sourcesClosure(db: Db, sourceIds: readonly string[]): Required<MergeSelection> {
  const sources = [...new Set(sourceIds)];
  const excerpts = rowsWhere(db, 'excerpts', 'source_id', sources).map((x) => x.id as string);
  const entities = new Set([
    ...rowsWhere(db, 'excerpt_entities', 'excerpt_id', excerpts).map((r) => r.entity_id as string),
    ...(db.prepare(`SELECT DISTINCT m.entity_id FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.source_id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(sources)) as string[]),
  ]);
  return { briefs: [], excerpts, sources, entities: [...entities] };
}

/** An entity a merge queued for the analyst (see mergeRows), with the local entities its names matched. */
export interface EntityReview {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  description: string;
  candidates: string[];
  excerptIds: string[];
  cameFrom: string;
  createdAt: string;
}

export function listEntityReviews(db: Db): EntityReview[] {
  return (db.prepare(`SELECT * FROM entity_reviews ORDER BY created_at, name`).all() as Row[]).map((r) => ({
    id: r.id as string,
    name: r.name as string,
    type: r.type as string,
    aliases: JSON.parse(r.aliases as string) as string[],
    description: r.description as string,
    candidates: JSON.parse(r.candidates as string) as string[],
    excerptIds: JSON.parse(r.excerpt_ids as string) as string[],
    cameFrom: r.came_from as string,
    createdAt: r.created_at as string,
  }));
}

export function removeEntityReview(db: Db, id: string): boolean {
  return db.prepare(`DELETE FROM entity_reviews WHERE id = ?`).run(id).changes > 0;
}
