// Excerpts (made, edited, re-anchored, reviewed), tags and search.
// Part of the handler map (electron/ipc/handlers.ts): channel → service call, the input
// already validated by the router.
import { getExcerpt, getExcerpts, listExcerpts, listExcerptsOfSource, listExcerptsToReview } from '../../../db/excerpts';
import { datesIn } from '../../services/dates';
import { listTags } from '../../../db/tags';
import { citedIn } from '../../../db/briefs';
import { search, searchExcerptIds } from '../../../db/search';
import { confirmExcerpt, createExcerptAt, excerptContext, pointExcerptAt, removeExcerpt, updateExcerpt } from '../../services/excerpts';
import { found } from './found';
import type { FeatureHandlers } from './types';

export const excerptsHandlers: FeatureHandlers<'excerpts' | 'tags' | 'search'> = {
  'excerpts:list': ({ sourceId }, { db }) => (sourceId ? listExcerptsOfSource(db, sourceId) : listExcerpts(db)),
  'excerpts:get': ({ ids }, { db }) => getExcerpts(db, ids),
  'excerpts:search': ({ query, limit }, { db }) => getExcerpts(db, searchExcerptIds(db, query, limit)),
  'excerpts:context': ({ id, chars }, { db }) => excerptContext(db, id, chars),
  'excerpts:create': ({ sourceId, start, end, ...details }, { db }) => createExcerptAt(db, sourceId, start, end, details),
  'excerpts:update': ({ id, ...details }, { db }) => updateExcerpt(db, id, details),
  'excerpts:delete': ({ id }, { db }) => ({ deleted: removeExcerpt(db, id) }),
  'excerpts:review': ({ sourceId }, { db }) => listExcerptsToReview(db, sourceId),
  'excerpts:confirm': ({ id }, { db }) => confirmExcerpt(db, id),
  'excerpts:reanchor': ({ id, start, end }, { db }) => pointExcerptAt(db, id, start, end),
  'excerpts:dateSuggestions': ({ id }, { db }) => datesIn(found(getExcerpt(db, id), 'excerpt', id).quote),
  'tags:list': (_, { db }) => listTags(db),
  'excerpts:citedIn': ({ id }, { db }) => citedIn(db, id),
  'search:query': ({ query }, { db }) => search(db, query),
};
