// The workspace's backups: listing them, backing up now, restoring one in place.
// Part of the handler map (electron/ipc/handlers.ts): channel → service call, the input
// already validated by the router.
import { backupNow, listBackups } from '../../services/backup';
import type { FeatureHandlers } from './types';

export const backupsHandlers: FeatureHandlers<'backups'> = {
  'backups:list': (_, { workspacePath }) => listBackups(workspacePath),
  'backups:now': async (_, { db, workspacePath }) => ({ ...(await backupNow(db, workspacePath)), createdAt: new Date().toISOString(), reason: 'manual' }),
  'backups:restore': ({ path }, ctx) => ctx.restore(path),
};
