// The analysis views: co-occurrence, evidence, the link chart and the timeline.
// Part of the handler map (electron/ipc/handlers.ts): channel → service call, the input
// already validated by the router.
import { getExcerpts } from '../../../db/excerpts';
import { listEntities } from '../../../db/entities';
import { entityCooccurrence, tagCooccurrence } from '../../../db/mentions';
import { excerptIdsWithTags } from '../../../db/tags';
import { entityGraph, pairEvidence, timeline } from '../../services/analysis';
import type { FeatureHandlers } from './types';

export const analysisHandlers: FeatureHandlers<'analysis'> = {
  'analysis:cooccurrence': (_, { db }) => ({ entities: listEntities(db), pairs: entityCooccurrence(db), tags: tagCooccurrence(db) }),
  'analysis:evidence': ({ a, b }, { db }) => pairEvidence(db, a, b),
  'analysis:tagEvidence': ({ a, b }, { db }) => getExcerpts(db, excerptIdsWithTags(db, a, b)),
  'analysis:graph': (_, { db }) => entityGraph(db),
  'analysis:timeline': (_, { db }) => timeline(db),
};
