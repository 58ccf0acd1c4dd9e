// Search: the query across the workspace, what it matched counted by facet, a correction
// when it matched nothing, and its words in one source.
import { correctQuery, search, searchFacets } from '../../services/search';
import { searchHits } from '../../services/searchHits';
import type { FeatureHandlers } from './types';

export const searchHandlers: FeatureHandlers<'search'> = {
  'search:query': ({ query, asYouType }, { db }) => search(db, query, { asYouType }),
  'search:facets': ({ query, asYouType }, { db }) => searchFacets(db, query, asYouType),
  'search:correct': ({ query }, { db }) => ({ query: correctQuery(db, query) }),
  'search:hits': ({ sourceId, query, asYouType }, { db }) => searchHits(db, sourceId, query, asYouType),
};
