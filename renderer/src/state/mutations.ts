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
  announce('sources', 'excerpts', 'publishers');
}

export async function deleteSource(id: string): Promise<void> {
  await api['sources:delete']({ id });
  invalidateAll();
  announce('sources', 'excerpts', 'entities', 'briefs');
}


/** Imports one file: each file is its own request (and its own transaction server-side). */
export async function importFile(file: Input<'sources:import'>['files'][number]) {
  return api['sources:import']({ files: [file] });
}

/** After a batch of imports: the library, counts and pickers reload once. */
export function announceImported(): void {
  announce('sources', 'excerpts', 'entities');
}

export async function gradeSource(id: string, reliability: Input<'sources:grade'>['reliability']) {
  const summary = await api['sources:grade']({ id, reliability });
  // The grade shows on every excerpt of the source, and may have become its publisher's default.
  invalidateAll();
  announce('sources', 'excerpts', 'publishers');
  return summary;
}

export async function gradePublisher(name: string, reliability: Input<'publishers:grade'>['reliability']) {
  const result = await api['publishers:grade']({ name, reliability });
  invalidateAll();
  announce('sources', 'excerpts', 'publishers');
  return result;
}

export async function replaceSourceText(id: string, file: Input<'sources:replace'>['file']) {
  const report = await api['sources:replace']({ id, file });
  invalidateAll();
  announce('sources', 'excerpts', 'versions');
  return report;
}

export async function confirmExcerpt(id: string): Promise<ExcerptView> {
  const view = await api['excerpts:confirm']({ id });
  invalidate(view.id, view);
  announce('excerpts');
  return view;
}

export async function reanchorExcerpt(id: string, start: number, end: number): Promise<ExcerptView> {
  const view = await api['excerpts:reanchor']({ id, start, end });
  invalidate(view.id, view);
  announce('excerpts', 'sources');
  return view;
}
