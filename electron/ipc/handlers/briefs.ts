// Briefs (saved with history), their integrity check, and export.
// Part of the handler map (electron/ipc/handlers.ts): channel → service call, the input
// already validated by the router.
import type { BriefDocument } from '../../../db/brief/document';
import { backlinksOf, briefSummary, createBriefFromMarkdown, listBriefs, removeBrief, requireBrief } from '../../services/briefs';
import { briefDocx, briefHtml, briefMarkdown, briefPdf, checkBrief, type ExportOptions } from '../../services/export/exportBrief';
import { listSnapshots, restoreSnapshot, saveBriefWithHistory, snapshotDocument, snapshotNow } from '../../services/briefHistory';
import { packageBriefBytes } from '../../services/merge';
import type { FeatureHandlers, ServiceContext } from './types';

/** An export's options, each one the request leaves out taken from the person's defaults (Settings ▸ Export). */
function withDefaults(options: ExportOptions, ctx: ServiceContext): ExportOptions {
  const defaults = ctx.preferences.get().export;
  return { banner: options.banner ?? defaults.banner, strict: options.strict ?? defaults.strict, paper: options.paper ?? defaults.paper };
}

export const briefsHandlers: FeatureHandlers<'briefs' | 'export'> = {
  'briefs:list': (_, { db }) => listBriefs(db),
  'briefs:get': ({ id }, { db }) => requireBrief(db, id),
  'briefs:create': ({ title, markdown }, { db }) => createBriefFromMarkdown(db, title, markdown),
  'briefs:save': ({ id, title, author, document }, { db }) => {
    requireBrief(db, id);
    saveBriefWithHistory(db, id, { title, author, document: document as BriefDocument | undefined });
    return briefSummary(db, id);
  },
  'briefs:delete': ({ id }, { db }) => ({ deleted: removeBrief(db, id) }),
  'briefs:check': ({ id }, { db }) => checkBrief(db, id),
  'briefs:backlinks': ({ id }, { db }) => backlinksOf(db, id),
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
  'export:html': ({ briefId, ...options }, ctx) => briefHtml(ctx.db, briefId, withDefaults(options, ctx)),
  'export:md': ({ briefId, ...options }, ctx) => briefMarkdown(ctx.db, briefId, withDefaults(options, ctx)),
  'export:docx': ({ briefId, ...options }, ctx) => {
    const { docx, fileName } = briefDocx(ctx.db, briefId, withDefaults(options, ctx));
    return { docxBase64: Buffer.from(docx).toString('base64'), fileName };
  },
  'export:package': ({ briefId }, { db }) => {
    const { data, fileName } = packageBriefBytes(db, briefId);
    return { packageBase64: data.toString('base64'), fileName };
  },
  'export:pdf': async ({ briefId, ...options }, ctx) => {
    const { pdf, fileName } = await briefPdf(ctx.db, briefId, ctx.printer, withDefaults(options, ctx));
    return { pdfBase64: pdf.toString('base64'), fileName };
  },
};
