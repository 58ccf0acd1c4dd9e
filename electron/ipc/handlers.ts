// What each channel of the contract does: a typed map from channel to service call, built
// per feature (Actual Budget's handler maps). Each feature's file covers every channel of
// its prefixes (FeatureHandlers), so a channel added to the contract without a handler is
// a compile error in the file it belongs to.
import { analysisHandlers } from './handlers/analysis';
import { briefsHandlers } from './handlers/briefs';
import { entitiesHandlers } from './handlers/entities';
import { excerptsHandlers } from './handlers/excerpts';
import { sourcesHandlers } from './handlers/sources';
import { trashHandlers } from './handlers/trash';
import { backupsHandlers } from './handlers/backups';
import { workspacesHandlers } from './handlers/workspaces';
import { quickOpenHandlers } from './handlers/quickOpen';
import { searchHandlers } from './handlers/search';
import { settingsHandlers } from './handlers/settings';
import { savedSearchesHandlers } from './handlers/savedSearches';
import type { Handlers } from './handlers/types';

export type { Handlers, ServiceContext } from './handlers/types';

export const handlers: Handlers = { ...sourcesHandlers, ...excerptsHandlers, ...entitiesHandlers, ...analysisHandlers, ...briefsHandlers, ...trashHandlers, ...backupsHandlers, ...workspacesHandlers, ...quickOpenHandlers, ...searchHandlers, ...settingsHandlers, ...savedSearchesHandlers };
