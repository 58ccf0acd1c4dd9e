// Saved searches: listed with their live counts, saved under a name, deleted.
import { listSavedSearches, removeSavedSearch, saveNamedSearch } from '../../services/savedSearches';
import type { FeatureHandlers } from './types';

export const savedSearchesHandlers: FeatureHandlers<'savedSearches'> = {
  'savedSearches:list': (_, { db }) => listSavedSearches(db),
  'savedSearches:save': ({ name, query }, { db }) => saveNamedSearch(db, name, query),
  'savedSearches:delete': ({ id }, { db }) => removeSavedSearch(db, id),
};
