// Every change the renderer makes to the workspace goes through here, so each one tells
// the views that show the changed data (topics) and the live citations (excerpt store).
import type { Input } from '../../../electron/ipc/contract';
import { api } from '../api';
import type { ExcerptView } from '../types';
import { invalidate, invalidateAll } from './excerptStore';
import { announce } from './topics';

export async function createExcerpt(input: Input<'excerpts:create'>): Promise<ExcerptView> {
  const view = await api['excerpts:create'](input);
  invalidate(view.id, view);
  announce('excerpts', 'sources', 'entities');
  return view;
}

export async function updateExcerpt(input: Input<'excerpts:update'>): Promise<ExcerptView> {
  const view = await api['excerpts:update'](input);
  invalidate(view.id, view);
  announce('excerpts', 'entities');
  return view;
}

export async function deleteExcerpt(id: string): Promise<void> {
  await api['excerpts:delete']({ id });
  invalidate(id, null);
  announce('excerpts', 'sources', 'entities', 'briefs');
}

export async function updateSource(input: Input<'sources:update'>): Promise<void> {
  await api['sources:update'](input);
  // Title and reliability show in every citation of the source's excerpts.
  invalidateAll();
  announce('sources', 'excerpts');
}

export async function deleteSource(id: string): Promise<void> {
  await api['sources:delete']({ id });
  invalidateAll();
  announce('sources', 'excerpts', 'entities', 'briefs');
}

export async function importFiles(files: Input<'sources:import'>['files']) {
  const report = await api['sources:import']({ files });
  announce('sources', 'excerpts', 'entities');
  return report;
}
