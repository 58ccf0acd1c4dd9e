// Entities, their mentions and aliases, name suggestions, relations, and the background
// jobs (rescans) they start.
// Part of the handler map (electron/ipc/handlers.ts): channel → service call, the input
// already validated by the router.
import { getSource } from '../../../db/sources';
import { getEntity, listEntities, updateEntityFields } from '../../../db/entities';
import { dismissMention, mentionsInSource } from '../../../db/mentions';
import { addRelationWithEvidence } from '../../services/relations';
import { entityPage, sourceMentions } from '../../services/analysis';
import { addEntity, addEntityAlias, mergeEntity, removeEntity, removeEntityAlias, renameEntityTo, splitAlias, undoEntityMerge, scanNewAliasInBackground } from '../../services/entities';
import { rejectSuggestion, suggestEntities } from '../../services/suggestions';
import { jobStatuses, startJob } from '../../services/jobs';
import { sentenceAround } from '../../services/dates';
import { createExcerptAt } from '../../services/excerpts';
import { UserError } from '../../services/errors';
import { found } from './found';
import type { FeatureHandlers } from './types';

export const entitiesHandlers: FeatureHandlers<'entities' | 'mentions' | 'suggestions' | 'relations' | 'jobs'> = {
  'entities:list': (_, { db }) => listEntities(db),
  'entities:page': ({ id }, { db }) => entityPage(db, id),
  'entities:create': ({ name, type, aliases, description }, { db }) => {
    const e = addEntity(db, name, type, aliases);
    if (description !== undefined) updateEntityFields(db, e.id, { description });
    return getEntity(db, e.id)!;
  },
  'entities:update': ({ id, name, type, description }, { db }) => {
    found(getEntity(db, id), 'entity', id);
    if (name !== undefined && name !== getEntity(db, id)!.name) renameEntityTo(db, id, name);
    updateEntityFields(db, id, { type, description });
    return getEntity(db, id)!;
  },
  'entities:addAlias': ({ id, alias }, { db }) => {
    const entity = addEntityAlias(db, id, alias, { scan: 'later' });
    const job = startJob(db, `Looking for “${alias}” across the corpus`, (progress) =>
      scanNewAliasInBackground(db, id, alias, (p) => progress(p.done, p.total)),
    );
    return { entity, job };
  },
  'entities:removeAlias': ({ id, alias }, { db }) => removeEntityAlias(db, id, alias),
  'entities:splitAlias': ({ id, alias }, { db }) => splitAlias(db, id, alias),
  'entities:merge': ({ keepId, otherId }, { db }) => mergeEntity(db, keepId, otherId),
  'entities:undoMerge': ({ mergeId }, { db }) => undoEntityMerge(db, mergeId),
  'entities:delete': ({ id }, { db }) => ({ deleted: removeEntity(db, id) }),
  'mentions:source': ({ sourceId }, { db }) => sourceMentions(db, sourceId),
  'mentions:dismiss': ({ sourceId, start }, { db }) => ({ dismissed: dismissMention(db, sourceId, start) }),
  'mentions:toExcerpt': ({ sourceId, start }, { db }) => {
    const mention = mentionsInSource(db, sourceId).find((m) => m.start === start);
    if (!mention) throw new UserError('That mention is no longer in the source.');
    const source = found(getSource(db, sourceId), 'source', sourceId);
    const entity = getEntity(db, mention.entityId)!;
    const span = sentenceAround(source.text, mention.start, mention.end);
    return createExcerptAt(db, sourceId, span.start, span.end, { entities: [{ name: entity.name, type: entity.type }] });
  },
  'suggestions:list': (_, { db }) => suggestEntities(db),
  'suggestions:accept': ({ name, type, aliases }, { db }) => addEntity(db, name, type, aliases),
  'suggestions:reject': ({ name }, { db }) => {
    rejectSuggestion(db, name);
    return { rejected: true };
  },
  'relations:add': (input, { db }) => ({ id: addRelationWithEvidence(db, input) }),
  'jobs:status': (_, { db }) => jobStatuses(db),
};
