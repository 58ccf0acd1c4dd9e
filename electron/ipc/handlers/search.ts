// Search: the query across the workspace, and its words in one source.
import { search } from '../../services/search';
import { searchHits } from '../../services/searchHits';
import type { FeatureHandlers } from './types';

export const searchHandlers: FeatureHandlers<'search'> = {
  'search:query': ({ query, asYouType }, { db }) => search(db, query, { asYouType }),
  'search:hits': ({ sourceId, query, asYouType }, { db }) => searchHits(db, sourceId, query, asYouType),
};
