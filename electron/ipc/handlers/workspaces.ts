// Switching workspaces from the page: the list the host offers, and opening one of them
// by id. A host without a switcher (a test server) offers the open workspace alone.
import { UserError } from '../../services/errors';
import { offeredWorkspaces } from '../../services/workspaceSwitcher';
import type { FeatureHandlers } from './types';

export const workspacesHandlers: FeatureHandlers<'workspaces'> = {
  'workspaces:list': (_, ctx) => ctx.workspaces?.list() ?? offeredWorkspaces(ctx.workspacePath, []),
  'workspaces:open': ({ id }, ctx) => {
    if (!ctx.workspaces) throw new UserError('Only this workspace is open here.', 'not-found');
    return ctx.workspaces.open(id);
  },
};
