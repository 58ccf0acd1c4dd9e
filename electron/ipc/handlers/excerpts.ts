// Excerpts (made, edited, re-anchored, reviewed) and tags.
// Part of the handler map (electron/ipc/handlers.ts): channel → service call, the input
// already validated by the router.
import { searchExcerpts } from '../../services/search';
import {
  confirmExcerpt,
  createExcerptAt,
  excerptContext,
  excerptDateSuggestions,
  excerptsOf,
  getExcerpts,
  listExcerptsToReview,
  listTags,
  pointExcerptAt,
  removeExcerpt,
  updateExcerpt,
  whereExcerptIsCited,
} from '../../services/excerpts';
import type { FeatureHandlers } from './types';

export const excerptsHandlers: FeatureHandlers<'excerpts' | 'tags'> = {
  'excerpts:list': ({ sourceId }, { db }) => excerptsOf(db, sourceId),
  'excerpts:get': ({ ids }, { db }) => getExcerpts(db, ids),
  'excerpts:search': ({ query, limit }, { db }) => searchExcerpts(db, query, limit),
  'excerpts:context': ({ id, chars }, { db }) => excerptContext(db, id, chars),
  'excerpts:create': ({ sourceId, start, end, ...details }, { db }) => createExcerptAt(db, sourceId, start, end, details),
  'excerpts:update': ({ id, ...details }, { db }) => updateExcerpt(db, id, details),
  'excerpts:delete': ({ id }, { db }) => ({ deleted: removeExcerpt(db, id) }),
  'excerpts:review': ({ sourceId }, { db }) => listExcerptsToReview(db, sourceId),
  'excerpts:confirm': ({ id }, { db }) => confirmExcerpt(db, id),
  'excerpts:reanchor': ({ id, start, end }, { db }) => pointExcerptAt(db, id, start, end),
  'excerpts:dateSuggestions': ({ id }, { db }) => excerptDateSuggestions(db, id),
  'tags:list': (_, { db }) => listTags(db),
  'excerpts:citedIn': ({ id }, { db }) => whereExcerptIsCited(db, id),
};
