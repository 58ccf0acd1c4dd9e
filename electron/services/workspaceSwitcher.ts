// Switching workspaces from the page (issue #11): the page is offered only workspaces the
// person chose outside it — the one open, those named on the `serve` command line, and the
// desktop app's recent list — each under an id minted here. A page can ask to open one of
// those ids, never a path: whatever it sends, nothing else can be opened through it.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { RefusedRequest, UserError } from './errors';
import { workspaceName } from './workspaceFile';
import type { WorkspaceChoices } from './views';

/** The id a workspace is offered under: derived from its full path, meaningless without the list it came in. */
export function workspaceChoiceId(path: string): string {
  return createHash('sha256').update(resolve(path)).digest('hex').slice(0, 16);
}

export interface WorkspaceSwitcher {
  list(): WorkspaceChoices;
  /** Opens the workspace offered under `id` in place of the current one; rejects (the current one staying open) when it cannot be opened. */
  open(id: string): Promise<{ path: string }>;
}

/**
 * The workspaces to offer: the current one first, then the others named or recent, each
 * once, missing ones marked (listed so the person sees what became of them, not openable).
 */
export function offeredWorkspaces(current: string, others: readonly string[]): WorkspaceChoices {
  const here = resolve(current);
  const paths = [here, ...others.map((p) => resolve(p))].filter((p, i, all) => all.indexOf(p) === i);
  return {
    current: workspaceChoiceId(here),
    workspaces: paths.map((path) => ({ id: workspaceChoiceId(path), name: workspaceName(path), path, missing: !existsSync(path), current: path === here })),
  };
}

/**
 * The path offered under `id`, or the sentence that refuses it: an id never offered is a
 * request the page could not have made (refused, 404); a workspace gone from disk since it
 * was listed is an answer the person reads.
 */
export function chosenWorkspace(choices: WorkspaceChoices, id: string): string {
  const choice = choices.workspaces.find((w) => w.id === id);
  if (!choice) throw new RefusedRequest('That workspace is not one offered here: only the workspaces named when Sourcebook was started, or opened recently in the app, can be opened from the page.');
  if (choice.missing) throw new UserError(`“${choice.name}” is no longer at ${choice.path}.`, 'not-found');
  return choice.path;
}
