// A relation between two entities, always with the excerpts that are its evidence: the one
// rule both front doors (the window's relations:add, the CLI's `relation add`) apply.
import type { Db } from '../../db/workspace';
import { getEntity } from '../../db/entities';
import { getExcerpt } from '../../db/excerpts';
import { addRelation } from '../../db/relations';
import { UserError } from './errors';

export interface NewRelation {
  fromId: string;
  toId: string;
  label: string;
  evidence: readonly string[];
}

/** Adds the relation after checking both entities and every excerpt exist; returns its id. */
export function addRelationWithEvidence(db: Db, { fromId, toId, label, evidence }: NewRelation): string {
  if (evidence.length === 0) throw new UserError('A relation needs at least one excerpt as evidence.');
  for (const id of [fromId, toId]) if (!getEntity(db, id)) throw new UserError(`No entity with id ${id}.`);
  const missing = evidence.filter((x) => !getExcerpt(db, x));
  if (missing.length) throw new UserError(`No excerpt with id ${missing.join(', ')}.`);
  return addRelation(db, fromId, toId, label, [...evidence]);
}
