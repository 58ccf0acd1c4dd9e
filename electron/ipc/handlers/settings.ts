// The person's preferences: read them, change some (the request already validated by the
// router against the contract's schema; what only the machine can tell, such as whether a
// backups folder exists, is checked by the service).
import { settingsView } from '../../services/preferences';
import type { FeatureHandlers } from './types';

export const settingsHandlers: FeatureHandlers<'settings'> = {
  'settings:get': (_, ctx) => settingsView(ctx.preferences.get(), ctx.workspacePath),
  'settings:set': (patch, ctx) => settingsView(ctx.preferences.set(patch), ctx.workspacePath),
};
