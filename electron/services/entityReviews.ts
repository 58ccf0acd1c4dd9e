// Entities a merge would not place by guess (db/merge.ts queues them: a name shared with
// entities of another type, or with two entities), decided by the analyst: merged into one
// of the entities here (its names become aliases, its excerpts are tagged with it), kept
// as a new entity under another name, or dismissed.
import type { Db } from '../../db/workspace';
import type { Entity, EntityReviewView, EntityType } from '../../db/domain';
import { ENTITY_TYPES } from '../../common/glossary';
import { listEntityReviews, removeEntityReview, type EntityReview } from '../../db/merge';
import { findEntityByName, getEntity, linkExcerptToEntity } from '../../db/entities';
import { addEntity, addEntityAlias, requireEntity } from './entities';
import { UserError } from './errors';

export { listEntityReviews, type EntityReview };

export type ReviewDecision = { into: string } | { asNew: string } | { dismiss: true };

export function resolveEntityReview(db: Db, id: string, decision: ReviewDecision): { id: string; entity: Entity | null } {
  const review = listEntityReviews(db).find((r) => r.id === id);
  if (!review) throw new UserError(`No entity waiting for review with id ${id}.`);
  let entity: Entity | null = null;
  if ('into' in decision) {
    entity = requireEntity(db, decision.into);
    for (const name of [review.name, ...review.aliases]) if (!findEntityByName(db, name)) addEntityAlias(db, entity.id, name);
  } else if ('asNew' in decision) {
    const type = (ENTITY_TYPES as readonly string[]).includes(review.type) ? (review.type as EntityType) : 'other';
    entity = addEntity(db, decision.asNew, type, review.aliases.filter((a) => !findEntityByName(db, a)));
  }
  if (entity) for (const excerptId of review.excerptIds) linkExcerptToEntity(db, excerptId, entity.id);
  removeEntityReview(db, id);
  return { id, entity: entity ? requireEntity(db, entity.id) : null };
}

/** The queue as the app shows it: each queued entity with the entities here it matched. */
export function entityReviews(db: Db): EntityReviewView[] {
  return listEntityReviews(db).map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    aliases: r.aliases,
    candidates: r.candidates.flatMap((c) => {
      const e = getEntity(db, c);
      return e ? [{ id: e.id, name: e.name, type: e.type }] : [];
    }),
    excerpts: r.excerptIds.length,
    cameFrom: r.cameFrom,
  }));
}
