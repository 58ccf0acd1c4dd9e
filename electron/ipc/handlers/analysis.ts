// The analysis views: co-occurrence, evidence, the link chart and the timeline.
// Part of the handler map (electron/ipc/handlers.ts): channel → service call, the input
// already validated by the router.
import { cooccurrence, entityGraph, pairEvidence, tagPairEvidence, timeline } from '../../services/analysis';
import type { FeatureHandlers } from './types';

export const analysisHandlers: FeatureHandlers<'analysis'> = {
  'analysis:cooccurrence': (_, { db }) => cooccurrence(db),
  'analysis:evidence': ({ a, b }, { db }) => pairEvidence(db, a, b),
  'analysis:tagEvidence': ({ a, b }, { db }) => tagPairEvidence(db, a, b),
  'analysis:graph': (_, { db }) => entityGraph(db),
  'analysis:timeline': (_, { db }) => timeline(db),
};
