// Entities, their mentions and aliases, name suggestions, relations, and the background
// jobs (rescans) they start.
// Part of the handler map (electron/ipc/handlers.ts): channel → service call, the input
// already validated by the router.
import { addRelationWithEvidence } from '../../services/relations';
import { entityPage, mentionSources, sourceMentions } from '../../services/analysis';
import { addEntity, addEntityAlias, createEntityWith, dismissMention, editEntity, excerptFromMention, listEntities, mergeEntity, removeEntity, removeEntities, removeEntityAlias, setEntityTransliteration, splitAlias, undoEntityMerge, scanNewAliasInBackground } from '../../services/entities';
import { rejectSuggestion, suggestEntities, suggestionCoverage, suggestionProgress } from '../../services/suggestions';
import { jobStatuses, startJob } from '../../services/jobs';
import { entityReviews, resolveEntityReview, type ReviewDecision } from '../../services/entityReviews';
import type { FeatureHandlers } from './types';

export const entitiesHandlers: FeatureHandlers<'entities' | 'mentions' | 'suggestions' | 'relations' | 'jobs'> = {
  'entities:list': (_, { db }) => listEntities(db),
  'entities:page': ({ id }, { db }) => entityPage(db, id),
  'entities:mentionSources': ({ id, offset, limit }, { db }) => mentionSources(db, id, offset, limit),
  'entities:create': (input, { db }) => createEntityWith(db, input),
  'entities:update': ({ id, ...patch }, { db }) => editEntity(db, id, patch),
  'entities:addAlias': ({ id, alias }, { db }) => {
    const entity = addEntityAlias(db, id, alias, { scan: 'later' });
    const job = startJob(db, `Looking for “${alias}” across the corpus`, (progress) =>
      scanNewAliasInBackground(db, id, alias, (p) => progress(p.done, p.total)),
    );
    return { entity, job };
  },
  'entities:removeAlias': ({ id, alias }, { db }) => removeEntityAlias(db, id, alias),
  'entities:transliteration': ({ id, on }, { db }) => setEntityTransliteration(db, id, on),
  'entities:splitAlias': ({ id, alias }, { db }) => splitAlias(db, id, alias),
  'entities:merge': ({ keepId, otherId }, { db }) => mergeEntity(db, keepId, otherId),
  'entities:undoMerge': ({ mergeId }, { db }) => undoEntityMerge(db, mergeId),
  'entities:reviews': (_, { db }) => entityReviews(db),
  'entities:review': ({ id, ...decision }, { db }) => resolveEntityReview(db, id, decision as ReviewDecision),
  'entities:delete': ({ id }, { db }) => ({ deleted: removeEntity(db, id) }),
  'entities:deleteMany': ({ ids }, { db }) => ({ deleted: removeEntities(db, ids) }),
  'mentions:source': ({ sourceId }, { db }) => sourceMentions(db, sourceId),
  'mentions:dismiss': ({ sourceId, start }, { db }) => ({ dismissed: dismissMention(db, sourceId, start) }),
  'mentions:toExcerpt': ({ sourceId, start }, { db }) => excerptFromMention(db, sourceId, start),
  // The panel asks again for more: each call recognises new texts for at most 15 s.
  'suggestions:list': (_, { db }) => suggestEntities(db, { budgetMs: 15_000 }),
  'suggestions:coverage': (_, { db }) => suggestionCoverage(db),
  'suggestions:progress': (_, { db }) => suggestionProgress(db),
  'suggestions:accept': ({ name, type, aliases }, { db }) => addEntity(db, name, type, aliases),
  'suggestions:reject': ({ name }, { db }) => {
    rejectSuggestion(db, name);
    return { rejected: true };
  },
  'relations:add': (input, { db }) => ({ id: addRelationWithEvidence(db, input) }),
  'jobs:status': (_, { db }) => jobStatuses(db),
};
