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
import { listEntities } from '../../db/entities';
import { listTags } from '../../db/tags';
import { deleteBrief, getBrief, listBriefs, saveBrief } from '../../db/briefs';
import { search, searchExcerptIds } from '../../db/search';
import type { BriefDocument } from '../../db/brief/document';
import { importUploads } from '../services/importer';
import { confirmExcerpt, createExcerptAt, excerptContext, pointExcerptAt, removeExcerpt, updateExcerpt } from '../services/excerpts';
import { createBriefFromMarkdown, requireBrief } from '../services/briefs';
import { briefHtml, briefPdf } from '../services/export/exportBrief';
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
  'tags:list': (_, { db }) => listTags(db),

  'briefs:list': (_, { db }) => listBriefs(db),
  'briefs:get': ({ id }, { db }) => found(getBrief(db, id), 'brief', id),
  'briefs:create': ({ title, markdown }, { db }) => createBriefFromMarkdown(db, title, markdown),
  'briefs:save': ({ id, title, document }, { db }) => {
    requireBrief(db, id);
    saveBrief(db, id, { title, document: document as BriefDocument | undefined });
    return listBriefs(db).find((b) => b.id === id)!;
  },
  'briefs:delete': ({ id }, { db }) => ({ deleted: deleteBrief(db, id) }),

  'search:query': ({ query }, { db }) => search(db, query),

  'export:html': ({ briefId }, { db }) => briefHtml(db, briefId),
  'export:pdf': async ({ briefId }, { db, printer }) => {
    const { pdf, fileName } = await briefPdf(db, briefId, printer);
    return { pdfBase64: pdf.toString('base64'), fileName };
  },
};
