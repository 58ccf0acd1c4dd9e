// Every change to entities, mentions, suggestions and relations goes through here, so
// each tells the views that show it (topics) and the live citations (excerpt store):
// an entity's name shows on every excerpt tagged with it.
import type { Input } from '../../../electron/ipc/contract';
import { api } from '../api';
import { invalidate, invalidateAll } from '../state/excerptStore';
import { notify, notifyError } from '../state/toasts';
import { announce } from '../state/topics';
import type { Entity, ExcerptView } from '../types';
import { trackJob } from './jobs';

export async function createEntity(input: Input<'entities:create'>): Promise<Entity> {
  const entity = await api['entities:create'](input);
  announce('entities');
  return entity;
}

export async function updateEntity(input: Input<'entities:update'>): Promise<Entity> {
  const entity = await api['entities:update'](input);
  invalidateAll();
  announce('entities', 'excerpts');
  return entity;
}

/** Adds an alias; the corpus is rescanned in the background (progress: jobs.tsx). */
export async function addAlias(id: string, alias: string): Promise<Entity> {
  const { entity, job } = await api['entities:addAlias']({ id, alias });
  announce('entities');
  trackJob(job, id);
  return entity;
}

export async function removeAlias(id: string, alias: string): Promise<Entity> {
  const entity = await api['entities:removeAlias']({ id, alias });
  announce('entities');
  return entity;
}

/** Moves an alias out into an entity of its own (returned). */
export async function splitAlias(id: string, alias: string): Promise<Entity> {
  const entity = await api['entities:splitAlias']({ id, alias });
  invalidateAll();
  announce('entities', 'excerpts');
  return entity;
}

export async function undoMerge(mergeId: number): Promise<void> {
  try {
    const { restored } = await api['entities:undoMerge']({ mergeId });
    invalidateAll();
    announce('entities', 'excerpts', 'briefs');
    notify(`“${restored.name}” is back as an entity of its own.`);
  } catch (error) {
    notifyError(error, 'The merge was not undone');
  }
}

/** Merges `otherId` into `keepId`; the toast offers Undo. */
export async function mergeEntities(keepId: string, otherId: string, otherName: string): Promise<Entity> {
  const { mergeId, entity } = await api['entities:merge']({ keepId, otherId });
  invalidateAll();
  announce('entities', 'excerpts', 'briefs');
  notify(`Merged “${otherName}” into “${entity.name}”.`, 'info', { label: 'Undo', run: () => void undoMerge(mergeId) });
  return entity;
}

export async function deleteEntity(id: string): Promise<void> {
  await api['entities:delete']({ id });
  invalidateAll();
  announce('entities', 'excerpts', 'briefs');
}

export async function dismissMention(sourceId: string, start: number): Promise<void> {
  await api['mentions:dismiss']({ sourceId, start });
  announce('entities');
}

/** The mention's sentence becomes an excerpt tagged with its entity. */
export async function mentionToExcerpt(sourceId: string, start: number): Promise<ExcerptView> {
  const view = await api['mentions:toExcerpt']({ sourceId, start });
  invalidate(view.id, view);
  announce('excerpts', 'sources', 'entities');
  return view;
}

export async function acceptSuggestion(input: Input<'suggestions:accept'>): Promise<Entity> {
  const entity = await api['suggestions:accept'](input);
  announce('entities');
  return entity;
}

export async function rejectSuggestion(name: string): Promise<void> {
  await api['suggestions:reject']({ name });
  announce('entities');
}

export async function addRelation(input: Input<'relations:add'>): Promise<string> {
  const { id } = await api['relations:add'](input);
  announce('entities');
  return id;
}
