// The entity registry as the analyst uses it: every change to names keeps the corpus's
// mentions right (a name added is looked for everywhere; a name removed stops matching).
import type { Db } from '../../db/workspace';
import type { Entity, EntityType } from '../../db/domain';
import {
  addAlias,
  createEntity,
  findEntityByName,
  getEntity,
  listEntities,
  mergeEntities,
  removeAlias,
  renameEntity,
  setMatchTransliteration,
  undoMerge,
  updateEntityFields,
} from '../../db/entities';
import { dismissMention, journalScan, mentionsInSource, pendingScans, scanDone, sourcesMentioning } from '../../db/mentions';
import { trashItem } from '../../db/trash';
import { requireSource } from './sources';
import { createExcerptAt } from './excerpts';
import { sentenceAround } from './dates';
import type { ExcerptView } from '../../db/domain';
import { aliasOccurs, scanCorpusNow, scanForNewAlias, scanSource } from './mentions/scan';
import type { FoldedText } from './mentions/fold';
import { UserError } from './errors';
import { cyrillicSpellingsOfName } from '../../common/transliteration';

export { listEntities, dismissMention };

export function requireEntity(db: Db, id: string): Entity {
  const e = getEntity(db, id);
  if (!e) throw new UserError(`No entity with id ${id}.`);
  return e;
}

const occurs = (alias: string, entityId: string) => (text: string | FoldedText) => aliasOccurs(text, alias, entityId);

export function addEntity(db: Db, name: string, type: EntityType, aliases: readonly string[] = [], options: { scan?: 'now' | 'later' } = {}): Entity {
  if (findEntityByName(db, name)) throw new UserError(`An entity named “${name.trim()}” exists already.`);
  // The names and the journal of their scans are written together: a scan cut short (a
  // kill, a crash) is run again when the workspace next opens (resumeScans).
  const ref = db.transaction(() => {
    const e = createEntity(db, name, type);
    for (const a of aliases) addAlias(db, e.id, a);
    for (const n of [e.name, ...aliases]) journalScan(db, e.id, n);
    return e;
  }).immediate();
  if ((options.scan ?? 'now') === 'now') for (const n of [ref.name, ...aliases]) scanNameNow(db, ref.id, n);
  return getEntity(db, ref.id)!;
}

export function addEntityAlias(db: Db, entityId: string, alias: string, options: { scan?: 'now' | 'later' } = {}): Entity {
  requireEntity(db, entityId);
  const clean = alias.trim();
  if (!clean) throw new UserError('An alias cannot be empty.');
  const owner = findEntityByName(db, clean);
  if (owner && owner.id !== entityId) throw new UserError(`“${clean}” is the name of another entity (${owner.id}); merge them instead.`);
  const added = db.transaction(() => {
    const fresh = addAlias(db, entityId, clean);
    if (fresh) journalScan(db, entityId, clean);
    return fresh;
  }).immediate();
  if (added && (options.scan ?? 'now') === 'now') scanNameNow(db, entityId, clean);
  return getEntity(db, entityId)!;
}

/** Looks for one name across the corpus now, then clears its journal entry (if it had one). */
export function scanNameNow(db: Db, entityId: string, name: string): void {
  scanCorpusNow(db, occurs(name, entityId));
  scanDone(db, entityId, name);
}

/** Runs again the scans a kill or crash cut short (journaled in pending_scans); returns how many. */
export function resumeScans(db: Db): number {
  const pending = pendingScans(db);
  for (const p of pending) scanNameNow(db, p.entityId, p.name);
  return pending.length;
}

/**
 * Looks for every name of an entity across the corpus again, rescanning each source where
 * one occurs (`sourcebook entity rescan`): repairs mentions whatever happened to them.
 */
export function rescanEntity(db: Db, entityId: string): { id: string; sources: number; mentions: number } {
  const entity = requireEntity(db, entityId);
  let sources = 0;
  for (const n of [entity.name, ...entity.aliases]) sources += scanCorpusNow(db, occurs(n, entityId));
  for (const n of [entity.name, ...entity.aliases]) scanDone(db, entityId, n);
  return { id: entityId, sources, mentions: getEntity(db, entityId)!.mentionCount };
}

export async function scanNewAliasInBackground(db: Db, entityId: string, alias: string, onProgress: (p: { done: number; total: number }) => void) {
  const progress = await scanForNewAlias(db, entityId, alias, { onProgress });
  if (progress.done === progress.total) scanDone(db, entityId, alias);
  return progress;
}

/**
 * Turns on or off the matching of the entity's Latin names in their Cyrillic
 * transliteration, and brings its mentions in step: on, the sources where a spelling
 * occurs are rescanned; off, the sources that mention it.
 */
export function setEntityTransliteration(db: Db, entityId: string, on: boolean): Entity {
  const entity = requireEntity(db, entityId);
  const affected = on ? [] : sourcesMentioning(db, entityId);
  if (!setMatchTransliteration(db, entityId, on)) return entity;
  if (on) {
    const spellings = [entity.name, ...entity.aliases].flatMap((n) => cyrillicSpellingsOfName(n));
    scanCorpusNow(db, (text) => spellings.some((s) => occurs(s, entityId)(text)));
  } else for (const s of affected) scanSource(db, s);
  return getEntity(db, entityId)!;
}

export function removeEntityAlias(db: Db, entityId: string, alias: string): Entity {
  requireEntity(db, entityId);
  const affected = sourcesMentioning(db, entityId);
  if (removeAlias(db, entityId, alias)) for (const s of affected) scanSource(db, s);
  return getEntity(db, entityId)!;
}

export function renameEntityTo(db: Db, entityId: string, name: string): Entity {
  requireEntity(db, entityId);
  const clean = name.trim();
  if (!clean) throw new UserError('An entity needs a name.');
  const owner = findEntityByName(db, clean);
  if (owner && owner.id !== entityId) throw new UserError(`Another entity is named “${clean}” (${owner.id}); merge them instead.`);
  const affected = sourcesMentioning(db, entityId);
  renameEntity(db, entityId, clean);
  removeAlias(db, entityId, clean); // the new name is no longer an alias of itself
  for (const s of affected) scanSource(db, s);
  scanCorpusNow(db, occurs(clean, entityId));
  return getEntity(db, entityId)!;
}

/** Moves an entity to the Trash: its excerpt tags and mentions go with it; excerpts and briefs stay. */
export function removeEntity(db: Db, entityId: string): boolean {
  const affected = sourcesMentioning(db, entityId);
  const deleted = trashItem(db, 'entity', entityId);
  // A shorter name of another entity that this one's longer name covered can now match.
  for (const s of affected) scanSource(db, s);
  return deleted;
}

/** Moves several entities to the Trash, all or (on an error) none; returns those that were there to move. */
export function removeEntities(db: Db, ids: readonly string[]): string[] {
  return db
    .transaction(() => {
      const unique = [...new Set(ids)];
      const affected = new Set(unique.flatMap((id) => sourcesMentioning(db, id)));
      const deleted = unique.filter((id) => trashItem(db, 'entity', id));
      for (const s of affected) scanSource(db, s);
      return deleted;
    })
    .immediate();
}

/** After an entity comes back from the Trash: its names are looked for again across the corpus, which may have changed meanwhile. */
export function rescanRestoredEntity(db: Db, entityId: string): void {
  if (getEntity(db, entityId)) rescanEntity(db, entityId);
}

/** Moves an alias out of an entity into a new entity of the same type. */
export function splitAlias(db: Db, entityId: string, alias: string): Entity {
  const e = requireEntity(db, entityId);
  if (!e.aliases.some((a) => a.toLowerCase() === alias.trim().toLowerCase())) throw new UserError(`“${alias}” is not an alias of ${e.name}.`);
  const affected = sourcesMentioning(db, entityId);
  const created = db.transaction(() => {
    removeAlias(db, entityId, alias);
    return createEntity(db, alias, e.type);
  }).immediate();
  for (const s of affected) scanSource(db, s);
  return getEntity(db, created.id)!;
}

export function mergeEntity(db: Db, keepId: string, otherId: string): { mergeId: number; entity: Entity } {
  requireEntity(db, keepId);
  requireEntity(db, otherId);
  if (keepId === otherId) throw new UserError('An entity cannot be merged into itself.');
  const mergeId = mergeEntities(db, keepId, otherId);
  return { mergeId, entity: getEntity(db, keepId)! };
}

export function undoEntityMerge(db: Db, mergeId: number): { survivor: Entity; restored: Entity } {
  try {
    const { survivorId, restoredId } = undoMerge(db, mergeId);
    return { survivor: getEntity(db, survivorId)!, restored: getEntity(db, restoredId)! };
  } catch (err) {
    throw new UserError((err as Error).message);
  }
}

/** A new entity from the app's form: its names looked for across the corpus, its description kept. */
export function createEntityWith(db: Db, input: { name: string; type: EntityType; aliases?: readonly string[]; description?: string }): Entity {
  const e = addEntity(db, input.name, input.type, input.aliases);
  if (input.description !== undefined) updateEntityFields(db, e.id, { description: input.description });
  return requireEntity(db, e.id);
}

/** Edits an entity: a new name goes through renaming (mentions follow), type and description are set. */
export function editEntity(db: Db, id: string, patch: { name?: string; type?: EntityType; description?: string }): Entity {
  const entity = requireEntity(db, id);
  if (patch.name !== undefined && patch.name !== entity.name) renameEntityTo(db, id, patch.name);
  updateEntityFields(db, id, { type: patch.type, description: patch.description });
  return requireEntity(db, id);
}

/** Saves the sentence around a mention as an excerpt tagged with the mentioned entity. */
export function excerptFromMention(db: Db, sourceId: string, start: number): ExcerptView {
  const mention = mentionsInSource(db, sourceId).find((m) => m.start === start);
  if (!mention) throw new UserError('That mention is no longer in the source.');
  const source = requireSource(db, sourceId);
  const entity = requireEntity(db, mention.entityId);
  const span = sentenceAround(source.text, mention.start, mention.end);
  return createExcerptAt(db, sourceId, span.start, span.end, { entities: [{ name: entity.name, type: entity.type }] });
}
