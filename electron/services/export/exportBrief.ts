// Export of a brief from the workspace: its one HTML rendering, or that HTML printed.
import type { Db } from '../../../db/workspace';
import { getBrief } from '../../../db/briefs';
import { getExcerpts } from '../../../db/excerpts';
import type { BriefDocument } from '../../../db/brief/document';
import type { ExcerptView } from '../../../db/domain';
import { citationsOf } from '../../../db/brief/walk';
import { readResource } from '../resources';
import { UserError } from '../errors';
import { renderBriefHtml } from './briefHtml';
import { renderBriefMarkdown } from './briefMarkdown';
import { renderBriefDocx } from './briefDocx';
import type { PdfPrinter } from './pdf';
import type { PaperSize } from '../../../common/preferences';
import { checkCitations, type CitationCheck } from '../../../db/brief/integrity';

export interface ExportOptions {
  /** Refuse to export when any citation is not ok (see checkBrief). */
  strict?: boolean;
  /** A classification or handling banner, e.g. "UNCLASSIFIED // FOR OFFICIAL USE ONLY". */
  banner?: string;
  /** The paper the PDF, the printed HTML and the Word document are laid out for (A4 unless said). */
  paper?: PaperSize;
  now?: Date;
}

/** print.css lays out A4; another paper is one more @page rule after it. */
const PAPER_CSS: Record<PaperSize, string> = { A4: '', Letter: '\n@page { size: letter; }\n' };

/** How far a quote is shown in a refusal: enough to recognise the passage. */
const QUOTE_SHOWN = 60;

/**
 * A strict export refused: said in the words a person reads in the app — the brief's
 * title, each citation by its quote and source title, and what is wrong with it — never
 * ids or commands (the command line adds its own hint: `check BRIEF_ID`).
 */
export class StrictRefusal extends UserError {
  constructor(
    briefTitle: string,
    readonly problems: readonly CitationCheck[],
    excerpts: ReadonlyMap<string, ExcerptView>,
  ) {
    const shown = (q: string) => (q.length > QUOTE_SHOWN ? `${q.slice(0, QUOTE_SHOWN - 1).trimEnd()}…` : q);
    const each = problems.map((c) => {
      const source = excerpts.get(c.excerptId)?.sourceTitle;
      return `“${shown(c.quoteAtCitation)}”${source ? ` (${source})` : ''}: ${STATUS_WORDS[c.status] ?? c.status}`;
    });
    super(`“${briefTitle}” was not exported, because strict export is on and ${problems.length === 1 ? 'one citation is' : `${problems.length} citations are`} not ok — ${each.join('; ')}.`);
  }
}

const STATUS_WORDS: Partial<Record<CitationCheck['status'], string>> = {
  changed: 'its excerpt has changed since it was cited',
  orphaned: 'its passage is no longer found in the source',
  deleted: 'its excerpt was deleted',
  ungraded: 'it has no grade (source reliability and information credibility)',
};

/** A brief with what every exporter needs: its document, cited excerpts and their check. */
export function loadBriefForExport(db: Db, briefId: string, options: ExportOptions = {}) {
  const brief = getBrief(db, briefId);
  if (!brief) throw new UserError(`No brief with id ${briefId}`);
  const document = brief.document as BriefDocument;
  if (!Array.isArray(document?.root?.children)) throw new UserError(`The brief “${brief.title}” cannot be exported: its document is damaged.`);
  const ids = [...new Set(citationsOf(document).map((c) => c.excerptId))];
  const excerpts = new Map(getExcerpts(db, ids).map((x) => [x.id, x]));
  const checks = checkCitations(document, excerpts);
  const problems = checks.filter((c) => c.status !== 'ok');
  if (options.strict && problems.length > 0) throw new StrictRefusal(brief.title, problems, excerpts);
  return { brief, document, excerpts, checks };
}

/** Every citation of a brief with its status: ok, changed, orphaned, deleted, ungraded. */
export function checkBrief(db: Db, briefId: string): CitationCheck[] {
  return loadBriefForExport(db, briefId).checks;
}

/** What every format's renderer takes, from the brief as it is now: one place, so all agree. */
function exportInput(db: Db, briefId: string, options: ExportOptions) {
  const { brief, document, excerpts, checks } = loadBriefForExport(db, briefId, options);
  const input = {
    title: brief.title,
    author: brief.author,
    document,
    excerpts,
    generatedAt: options.now ?? new Date(),
    banner: options.banner?.trim() || undefined,
    paper: options.paper ?? 'A4',
    warnings: checks.filter((c) => c.status !== 'ok'),
  };
  return { input, slug: fileSlug(brief.title) };
}

export function briefHtml(db: Db, briefId: string, options: ExportOptions | Date = {}): { html: string; fileName: string } {
  const { input, slug } = exportInput(db, briefId, options instanceof Date ? { now: options } : options);
  return { html: renderBriefHtml({ ...input, stylesheet: readResource('print.css') + PAPER_CSS[input.paper] }), fileName: `${slug}.html` };
}

/** Markdown with footnotes (`[^1]`), numbered as everywhere else. */
export function briefMarkdown(db: Db, briefId: string, options: ExportOptions = {}): { markdown: string; fileName: string } {
  const { input, slug } = exportInput(db, briefId, options);
  return { markdown: renderBriefMarkdown(input), fileName: `${slug}.md` };
}

/** A Word document with real footnotes, numbered as everywhere else. */
export function briefDocx(db: Db, briefId: string, options: ExportOptions = {}): { docx: Uint8Array; fileName: string } {
  const { input, slug } = exportInput(db, briefId, options);
  return { docx: renderBriefDocx(input), fileName: `${slug}.docx` };
}

export async function briefPdf(db: Db, briefId: string, printer: PdfPrinter, options: ExportOptions | Date = {}): Promise<{ pdf: Buffer; fileName: string }> {
  const opts = options instanceof Date ? { now: options } : options;
  const { html, fileName } = briefHtml(db, briefId, opts);
  return { pdf: await printer.print(html, { banner: opts.banner?.trim() || undefined, paper: opts.paper ?? 'A4' }), fileName: fileName.replace(/\.html$/, '.pdf') };
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
