// What each channel of the contract does: a typed map from channel to service call
// (Actual Budget's handler maps). Inputs arrive already validated by the router.
import type { Db } from '../../db/workspace';
import type { Channel, Output, ParsedInput } from './contract';
import { getSource, getSourceSummary, listSources, updateSourceMeta, deleteSource } from '../../db/sources';
import { getExcerpts, listExcerpts, listExcerptsOfSource, listExcerptsToReview } from '../../db/excerpts';
import { listVersions } from '../../db/sources';
import { listPublishers, setPublisherReliability, getPublisherReliability } from '../../db/publishers';
import { gradeSource } from '../services/grading';
import { replaceSourceText } from '../services/versions';
import { getEntity, listEntities, updateEntityFields } from '../../db/entities';
import { dismissMention, entityCooccurrence, mentionsInSource, tagCooccurrence } from '../../db/mentions';
import { addRelation } from '../../db/relations';
import { excerptIdsWithTags } from '../../db/tags';
import { getExcerpt } from '../../db/excerpts';
import { entityGraph, entityPage, pairEvidence, sourceMentions, timeline } from '../services/analysis';
import { addEntity, addEntityAlias, mergeEntity, removeEntity, removeEntityAlias, renameEntityTo, splitAlias, undoEntityMerge, scanNewAliasInBackground } from '../services/entities';
import { rejectSuggestion, suggestEntities } from '../services/suggestions';
import { jobStatuses, startJob } from '../services/jobs';
import { datesIn, sentenceAround } from '../services/dates';
import { listTags } from '../../db/tags';
import { citedIn, deleteBrief, getBrief, listBriefs, sourceCitedIn } from '../../db/briefs';
import { search, searchExcerptIds } from '../../db/search';
import type { BriefDocument } from '../../db/brief/document';
import { importUploads } from '../services/importer';
import { confirmExcerpt, createExcerptAt, excerptContext, pointExcerptAt, removeExcerpt, updateExcerpt } from '../services/excerpts';
import { createBriefFromMarkdown, requireBrief } from '../services/briefs';
import { briefDocx, briefHtml, briefMarkdown, briefPdf, checkBrief } from '../services/export/exportBrief';
import { listSnapshots, restoreSnapshot, saveBriefWithHistory, snapshotDocument, snapshotNow } from '../services/briefHistory';
import type { PdfPrinter } from '../services/export/pdf';
import { UserError } from '../services/errors';

export interface ServiceContext {
  db: Db;
  workspacePath: string;
  printer: PdfPrinter;
}

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>, ctx: ServiceContext) => Output<C> | Promise<Output<C>>;
};

const found = <T>(value: T | null, what: string, id: string): T => {
  if (value === null) throw new UserError(`No ${what} with id ${id}.`);
  return value;
};

const count = (db: Db, table: 'sources' | 'excerpts' | 'briefs') => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

export const handlers: Handlers = {
  'workspace:info': (_, { db, workspacePath }) => ({
    path: workspacePath,
    sources: count(db, 'sources'),
    excerpts: count(db, 'excerpts'),
    briefs: count(db, 'briefs'),
  }),

  'sources:list': (_, { db }) => listSources(db),
  'sources:get': ({ id }, { db }) => found(getSource(db, id), 'source', id),
  'sources:import': ({ files }, { db }) => importUploads(db, files),
  'sources:update': ({ id, ...patch }, { db }) => {
    found(getSourceSummary(db, id), 'source', id);
    updateSourceMeta(db, id, patch);
    return getSourceSummary(db, id)!;
  },
  'sources:delete': ({ id }, { db }) => ({ deleted: deleteSource(db, id) }),
  'sources:grade': ({ id, reliability }, { db }) => gradeSource(db, id, reliability),
  'sources:versions': ({ id }, { db }) => {
    found(getSourceSummary(db, id), 'source', id);
    return listVersions(db, id);
  },
  'sources:citedIn': ({ id }, { db }) => {
    found(getSourceSummary(db, id), 'source', id);
    return sourceCitedIn(db, id);
  },
  'sources:replace': ({ id, file }, { db }) => {
    const bytes = Buffer.from(file.data, 'base64');
    return replaceSourceText(db, id, { path: file.name, name: file.name, size: bytes.length, read: () => bytes });
  },
  'publishers:list': (_, { db }) => listPublishers(db),
  'publishers:grade': ({ name, reliability }, { db }) => {
    setPublisherReliability(db, name, reliability);
    return { name, reliability: getPublisherReliability(db, name) };
  },

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
  'relations:add': ({ fromId, toId, label, evidence }, { db }) => {
    for (const e of [fromId, toId]) found(getEntity(db, e), 'entity', e);
    const missing = evidence.filter((x) => !getExcerpt(db, x));
    if (missing.length) throw new UserError(`No excerpt with id ${missing.join(', ')}.`);
    return { id: addRelation(db, fromId, toId, label, evidence) };
  },
  'analysis:cooccurrence': (_, { db }) => ({ entities: listEntities(db), pairs: entityCooccurrence(db), tags: tagCooccurrence(db) }),
  'analysis:evidence': ({ a, b }, { db }) => pairEvidence(db, a, b),
  'analysis:tagEvidence': ({ a, b }, { db }) => getExcerpts(db, excerptIdsWithTags(db, a, b)),
  'analysis:graph': (_, { db }) => entityGraph(db),
  'analysis:timeline': (_, { db }) => timeline(db),
  'excerpts:dateSuggestions': ({ id }, { db }) => datesIn(found(getExcerpt(db, id), 'excerpt', id).quote),
  'jobs:status': (_, { db }) => jobStatuses(db),
  'tags:list': (_, { db }) => listTags(db),

  'briefs:list': (_, { db }) => listBriefs(db),
  'briefs:get': ({ id }, { db }) => found(getBrief(db, id), 'brief', id),
  'briefs:create': ({ title, markdown }, { db }) => createBriefFromMarkdown(db, title, markdown),
  'briefs:save': ({ id, title, author, document }, { db }) => {
    requireBrief(db, id);
    saveBriefWithHistory(db, id, { title, author, document: document as BriefDocument | undefined });
    return listBriefs(db).find((b) => b.id === id)!;
  },
  'briefs:delete': ({ id }, { db }) => ({ deleted: deleteBrief(db, id) }),
  'briefs:check': ({ id }, { db }) => checkBrief(db, id),
  'briefs:history': ({ id }, { db }) => {
    requireBrief(db, id);
    return listSnapshots(db, id);
  },
  'briefs:snapshot': ({ id }, { db }) => snapshotNow(db, id),
  'briefs:snapshotGet': ({ id, snapshotId }, { db }) => snapshotDocument(db, id, snapshotId),
  'briefs:restore': ({ id, snapshotId }, { db }) => {
    restoreSnapshot(db, id, snapshotId);
    return requireBrief(db, id);
  },
  'excerpts:citedIn': ({ id }, { db }) => citedIn(db, id),

  'search:query': ({ query }, { db }) => search(db, query),

  'export:html': ({ briefId, ...options }, { db }) => briefHtml(db, briefId, options),
  'export:md': ({ briefId, ...options }, { db }) => briefMarkdown(db, briefId, options),
  'export:docx': ({ briefId, ...options }, { db }) => {
    const { docx, fileName } = briefDocx(db, briefId, options);
    return { docxBase64: Buffer.from(docx).toString('base64'), fileName };
  },
  'export:pdf': async ({ briefId, ...options }, { db, printer }) => {
    const { pdf, fileName } = await briefPdf(db, briefId, printer, options);
    return { pdfBase64: pdf.toString('base64'), fileName };
  },
};
