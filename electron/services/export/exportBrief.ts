// Export of a brief from the workspace: its one HTML rendering, or that HTML printed.
import type { Db } from '../../../db/workspace';
import { getBrief } from '../../../db/briefs';
import { getExcerpts } from '../../../db/excerpts';
import { type BriefDocument, citationsOf } from '../../../db/brief/document';
import { readResource } from '../resources';
import { UserError } from '../errors';
import { renderBriefHtml } from './briefHtml';
import type { PdfPrinter } from './pdf';

export function briefHtml(db: Db, briefId: string, now: Date = new Date()): { html: string; fileName: string } {
  const brief = getBrief(db, briefId);
  if (!brief) throw new UserError(`No brief with id ${briefId}`);
  const document = brief.document as BriefDocument;
  if (!Array.isArray(document?.root?.children)) throw new UserError(`The brief “${brief.title}” cannot be exported: its document is damaged.`);
  const ids = [...new Set(citationsOf(document).map((c) => c.excerptId))];
  const excerpts = new Map(getExcerpts(db, ids).map((x) => [x.id, x]));
  const html = renderBriefHtml({ title: brief.title, document, excerpts, generatedAt: now, stylesheet: readResource('print.css') });
  return { html, fileName: `${fileSlug(brief.title)}.html` };
}

export async function briefPdf(db: Db, briefId: string, printer: PdfPrinter, now: Date = new Date()): Promise<{ pdf: Buffer; fileName: string }> {
  const { html, fileName } = briefHtml(db, briefId, now);
  return { pdf: await printer.print(html), fileName: fileName.replace(/\.html$/, '.pdf') };
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name (without extension) safe on every system: letters and digits of any script,
 * joined by hyphens, Latin accents dropped, at most 80 characters.
 */
export function fileSlug(title: string, fallback = 'brief'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  let cut = slug;
  if ([...cut].length > 80) {
    cut = [...cut].slice(0, 80).join('');
    const lastHyphen = cut.lastIndexOf('-');
    cut = (lastHyphen > 40 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
  }
  if (!cut) return fallback;
  return WINDOWS_RESERVED.test(cut) ? `${cut}-${fallback}` : cut;
}
