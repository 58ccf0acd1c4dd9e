// The Trash: listing, restoring, deleting for good.
// Part of the handler map (electron/ipc/handlers.ts): channel → service call, the input
// already validated by the router.
import { deleteForever, emptyTrashSafely, listTrash, restoreFromTrash } from '../../services/trash';
import type { FeatureHandlers } from './types';

export const trashHandlers: FeatureHandlers<'trash'> = {
  'trash:list': (_, { db }) => listTrash(db),
  'trash:restore': ({ id }, { db }) => restoreFromTrash(db, id),
  'trash:delete': ({ id }, { db }) => deleteForever(db, id),
  'trash:empty': (_, { db, workspacePath }) => emptyTrashSafely(db, workspacePath),
};
