// The entity changes that do more than call the API (which announces every write, see
// common/changes.ts): a new alias starts a rescan to follow, a merge offers Undo.
import { api } from '../api';
import { notify, notifyError } from '../state/toasts';
import type { Entity } from '../types';
import { trackJob } from './jobs';

/** Adds an alias; the corpus is rescanned in the background (progress: jobs.tsx). */
export async function addAlias(id: string, alias: string): Promise<Entity> {
  const { entity, job } = await api['entities:addAlias']({ id, alias });
  trackJob(job, id);
  return entity;
}

export async function undoMerge(mergeId: number): Promise<void> {
  try {
    const { restored } = await api['entities:undoMerge']({ mergeId });
    notify(`“${restored.name}” is back as an entity of its own.`);
  } catch (error) {
    notifyError(error, 'The merge was not undone');
  }
}

/** Merges `otherId` into `keepId`; the toast offers Undo. */
export async function mergeEntities(keepId: string, otherId: string, otherName: string): Promise<Entity> {
  const { mergeId, entity } = await api['entities:merge']({ keepId, otherId });
  notify(`Merged “${otherName}” into “${entity.name}”.`, 'info', { label: 'Undo', run: () => void undoMerge(mergeId) });
  return entity;
}
