// Switching workspaces from the page: the list the host offers, and opening one of them
// by id. A host without a switcher (a test server) offers the open workspace alone.
import { chosenWorkspace, offeredWorkspaces } from '../../services/workspaceSwitcher';
import type { FeatureHandlers } from './types';

export const workspacesHandlers: FeatureHandlers<'workspaces'> = {
  'workspaces:list': (_, ctx) => ctx.workspaces?.list() ?? offeredWorkspaces(ctx.workspacePath, []),
  'workspaces:open': ({ id }, ctx) => ctx.workspaces?.open(id) ?? { path: chosenWorkspace(offeredWorkspaces(ctx.workspacePath, []), id) },
};
