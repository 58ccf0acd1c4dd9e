// PDF: the text layer of each page, rebuilt into lines and paragraphs from the positions
// of pdf.js's text items, normalized page by page and joined with blank lines, so each
// page's span in the normalized text is exact (an excerpt's offset tells its page).
// Metadata from XMP and the info dictionary.
//
// pdf.js runs in this process with its main-thread ("fake") worker: no Worker thread,
// no eval (pdf.js 6 has no eval code path left, nor an isEvalSupported option), no font
// faces, no system fonts, no network (the bytes are handed over; CMaps and standard-font
// data, when pdf.js needs them to map glyphs to text, are read from the pdfjs-dist
// package folder by our own reader: pdf.js would fetch them the browser's way where it
// does not take the process for Node, as in a worker thread of Electron's main process).
//
// Lines: items on the same baseline are joined (with a space where there is a gap), a
// change of baseline starts a new line, and a larger vertical gap than the page's usual
// line spacing, a jump upwards (a new column) or a change of font size starts a new
// paragraph. A word hyphenated at a line end ("infor-" / "mation") is joined. Running
// headers and footers are kept: removing them could remove text an analyst quotes.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PageSpan, SourceMeta } from '../../../db/domain';
import { XML_NS, walkXml } from './docxXml';
import { normalizeDate, normalizeInline, normalizeText } from './normalize';
import { ImportSkip, type ParseProgress } from './format';
import type { OcrPageInfo, OcrRequest } from '../../../common/ocr';
import { assessPageText } from '../ocr/textQuality';
import { pageScan, type PdfPageLike } from '../ocr/pdfPageScan';
import { vectorPage } from '../ocr/pdfVectorPage';
import { ocrEngine, type OcrResult } from '../ocr/engine';
import { resolveOcrLanguages } from '../ocr/languageData';
import { toPgm } from '../ocr/raster';
import { describeOcr, ocrPageInfo } from '../ocr/ocrPages';

/** Offsets into the normalized text (end exclusive), 1-based page numbers, in order. */
export type { PageSpan };

export interface ParsedPdf {
  meta: Partial<SourceMeta>;
  text: string;
  /** One span per page that has text; pages without text have none. */
  pages: PageSpan[];
  /** The pages read by OCR (offsets into `text`), absent when none was. */
  ocr?: OcrPageInfo[];
  warnings: string[];
}

export interface PdfParseOptions {
  /** Pages read at most; later pages are left out with a warning (default 2,000). */
  maxPages?: number;
  /**
   * OCR of pages without a text layer or with a garbage one (default: none). A page whose
   * text layer is good is never read again: its text would be there twice.
   */
  ocr?: OcrRequest;
  /** Called before each page is read, with whether OCR reads it. */
  progress?: (progress: ParseProgress) => void;
}

export const DEFAULT_MAX_PAGES = 2000;
/** Beyond this much text (~10,000 dense pages) the rest of the document is left out. */
const MAX_TEXT_CHARS = 50_000_000;
const PAGE_SEPARATOR = '\n\n';

export const PDF_ENCRYPTED = 'the PDF is encrypted (password-protected); remove the protection and import it again';
export const PDF_NO_TEXT = 'the PDF has no text layer (scanned pages?): there is no text to excerpt';
export const PDF_NO_TEXT_OCR = 'the PDF has no text layer, and OCR found no text in its pages';
export const PDF_NO_TEXT_NO_OCR = 'the PDF has no text layer (scanned pages?) and OCR is off (--ocr never): there is no text to excerpt';

interface TextItemLike {
  str: string;
  dir?: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

type PdfJs = typeof PdfJsModule;

let pdfjsLoading: Promise<PdfJs> | null = null;

/** pdf.js, loaded on first use with its worker running on this thread. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const global = globalThis as { pdfjsWorker?: unknown };
    global.pdfjsWorker ??= worker;
    // On load, pdf.js logs (to stdout) that it cannot polyfill DOMMatrix and Path2D without
    // its optional canvas package, which Sourcebook leaves out: only rendering needs them,
    // and text extraction does not render. Stdout carries the CLI's JSON, so not there.
    const log = console.log;
    console.log = (...args: unknown[]) => {
      if (!(typeof args[0] === 'string' && args[0].startsWith('Warning: Cannot polyfill'))) log(...args);
    };
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
    }
  })();
  return pdfjsLoading;
}

let packageDir: string | null | undefined;

/**
 * The pdfjs-dist folder (for its CMaps and standard-font data), or null when it cannot be
 * found. In the packaged app pdf.js is unpacked beside app.asar (electron-builder.yml's
 * asarUnpack), so its files are plain files to every thread.
 */
function pdfjsPackageDir(): string | null {
  if (packageDir === undefined) {
    try {
      const dir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
      const unpacked = dir.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
      packageDir = unpacked !== dir && existsSync(unpacked) ? unpacked : dir;
    } catch {
      packageDir = null;
    }
  }
  return packageDir;
}

/**
 * pdf.js's data reader (its `BinaryDataFactory` option), reading files from disk in any
 * thread. pdf.js asks for a kind ('cMapUrl', 'standardFontDataUrl') and a file
 * name; anything that is not a plain file name inside the package is refused.
 */
class PackageDataReader {
  constructor(private readonly urls: Record<string, string | null | undefined>) {}

  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const base = this.urls[kind];
    if (!base || !/^[\w.+-]+$/.test(filename)) throw new Error(`Unable to load ${kind} data: ${filename}`);
    return new Uint8Array(await readFile(base + filename));
  }
}

/** Parse a PDF (asynchronous). Throws ImportSkip with the reason for a PDF that cannot be imported. */
export async function parsePdf(bytes: Uint8Array, options: PdfParseOptions = {}): Promise<ParsedPdf> {
  const maxPages = Math.max(1, Math.floor(options.maxPages ?? DEFAULT_MAX_PAGES));
  const pdfjs = await loadPdfJs();
  const dir = pdfjsPackageDir();
  const task = pdfjs.getDocument({
    data: bytes.slice(), // pdf.js takes the buffer over (detaches it): hand it a copy
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
    // Images decoded by pdf.js itself, into pixels (OCR reads them): never handed to a
    // browser API, which a worker thread of Electron's main process may seem to have.
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    verbosity: 0,
    ...(dir
      ? {
          // pdf.js wants a trailing '/' (which Node's fs also takes on Windows).
          cMapUrl: join(dir, 'cmaps') + '/',
          cMapPacked: true,
          standardFontDataUrl: join(dir, 'standard_fonts') + '/',
          BinaryDataFactory: PackageDataReader,
        }
      : {}),
  });
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (error) {
      throw openError(error, bytes);
    }
    const warnings: string[] = [];
    const truncated = !hasEndMarker(bytes);
    const pageCount = doc.numPages;
    const readCount = Math.min(pageCount, maxPages);
    if (pageCount > readCount) {
      warnings.push(`the PDF has ${count(pageCount)} pages: only the first ${count(readCount)} were imported`);
    }

    const ocr = options.ocr && options.ocr.mode !== 'never' ? options.ocr : null;
    const languages = ocr ? resolveOcrLanguages(ocr.languages, ocr.dataDir) : [];
    const pageTexts: { page: number; text: string; ocr?: OcrResult }[] = [];
    const emptyPages: number[] = [];
    const unreadable: number[] = [];
    const garbageKept: number[] = [];
    let totalChars = 0;
    let lastRead = 0;
    for (let n = 1; n <= readCount; n++) {
      if (totalChars > MAX_TEXT_CHARS) {
        warnings.push(`the PDF has more text than Sourcebook imports at once: pages ${count(n)}–${count(readCount)} were left out`);
        break;
      }
      lastRead = n;
      let text: string;
      let read: OcrResult | undefined;
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        text = pageText(content.items as TextItemLike[]);
        const verdict = ocr ? assessPageText(text).verdict : 'good';
        const wanted = ocr !== null && (ocr.mode === 'always' || verdict !== 'good');
        options.progress?.({ page: n, pages: readCount, ocr: wanted });
        if (wanted) {
          const pageLike = page as unknown as PdfPageLike;
          const ops = pdfjs.OPS as unknown as Record<string, number>;
          // The page's picture (a scan); else, on a page with no text at all, the page painted
          // from its paths (text in outlines). Never a page with text in fonts: painted without
          // its letters, it would read as less than its own text layer.
          const scan = (await pageScan(pageLike, ops)) ?? (verdict === 'empty' ? await vectorPage(pageLike, ops) : null);
          if (scan) {
            const engine = await ocrEngine();
            read = engine.recognize(toPgm(scan.raster), languages, scan.dpi);
            // The OCR text replaces the page's text layer, never joins it.
            text = read.text;
            if (!text) read = undefined;
          } else if (verdict === 'garbage') garbageKept.push(n);
        }
        page.cleanup();
      } catch (err) {
        if (isOcrFailure(err) || err instanceof ImportSkip) throw err;
        unreadable.push(n);
        continue;
      }
      if (text) {
        pageTexts.push({ page: n, text, ...(read ? { ocr: read } : {}) });
        totalChars += text.length + PAGE_SEPARATOR.length;
      } else {
        emptyPages.push(n);
      }
    }

    if (unreadable.length) {
      if (truncated || unreadable.length === lastRead) {
        throw new ImportSkip(
          `the PDF is damaged or incomplete: ${truncated ? 'the file ends early (an interrupted download?) and ' : ''}${pageList(unreadable)} cannot be read`,
        );
      }
      warnings.push(`the PDF is damaged: ${pageList(unreadable)} could not be read and ${unreadable.length === 1 ? 'is' : 'are'} missing`);
    } else if (truncated) {
      warnings.push('the PDF seems incomplete (it has no end-of-file marker); check that no text is missing');
    }
    if (!pageTexts.length) {
      throw new ImportSkip(!options.ocr ? PDF_NO_TEXT : ocr ? `${PDF_NO_TEXT_OCR} (languages: ${languages.map((l) => l.code).join('+')})` : PDF_NO_TEXT_NO_OCR);
    }
    if (emptyPages.length) warnings.push(`${capitalize(pageList(emptyPages))} ${emptyPages.length === 1 ? 'has' : 'have'} no text (blank${ocr ? ', or OCR found none' : ' or scanned'})`);

    const pages: PageSpan[] = [];
    const ocrPages: OcrPageInfo[] = [];
    let text = '';
    for (const { page, text: pageText, ocr: read } of pageTexts) {
      if (text) text += PAGE_SEPARATOR;
      pages.push({ page, start: text.length, end: text.length + pageText.length });
      if (read) ocrPages.push(ocrPageInfo(page, text.length, read));
      text += pageText;
    }
    if (ocrPages.length) warnings.push(...describeOcr(ocrPages, pageTexts.length));
    if (garbageKept.length) {
      warnings.push(`${capitalize(pageList(garbageKept))}: the text layer looks garbled and there is no scanned image to read instead; check it against the original`);
    } else if (looksUnmapped(text)) {
      warnings.push("much of the PDF's text may be unreadable: its fonts do not say which letters their glyphs are");
    }

    const meta = await readMetadata(doc);
    return { meta, text, pages, warnings, ...(ocrPages.length ? { ocr: ocrPages } : {}) };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/** A failure of OCR itself (a language's data missing or damaged): the whole file fails with it, not one page. */
function isOcrFailure(err: unknown): boolean {
  return (err as Error | null)?.name === 'OcrLanguageError' || /^the OCR engine could not load/.test((err as Error | null)?.message ?? '');
}

function openError(error: unknown, bytes: Uint8Array): ImportSkip {
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = (error as { message?: string } | null)?.message ?? String(error);
  if (name === 'PasswordException' || /password|encrypt|security handler/i.test(message)) return new ImportSkip(PDF_ENCRYPTED);
  if (!hasPdfHeader(bytes)) return new ImportSkip('not a PDF file (it does not start with %PDF-): the file may be something else saved as .pdf');
  if (name === 'InvalidPDFException') {
    return new ImportSkip(`the PDF is damaged or incomplete: no readable PDF structure was found${hasEndMarker(bytes) ? '' : ' (the file ends early: an interrupted download?)'}`);
  }
  return new ImportSkip(`the PDF is damaged or incomplete: ${message.replace(/\.$/, '')}`);
}

const latin1 = new TextDecoder('latin1');

function hasPdfHeader(bytes: Uint8Array): boolean {
  return latin1.decode(bytes.subarray(0, 1024)).includes('%PDF-');
}

/** Whether "%%EOF" is near the end, as in every complete PDF (a cut-off download lacks it). */
function hasEndMarker(bytes: Uint8Array): boolean {
  return latin1.decode(bytes.subarray(Math.max(0, bytes.length - 2048))).includes('%%EOF');
}

// ---------------------------------------------------------------------------------------
// Text

interface Line {
  y: number;
  size: number;
  /** Characters drawn per font size: the line's size is the one most of it uses. */
  sizes: Map<number, number>;
  text: string;
  endX: number;
}

/** A page's text items → its normalized text ('' when it has none). */
export function pageText(items: TextItemLike[]): string {
  const lines: Line[] = [];
  let line: Line | null = null;
  let pendingSpace = false;
  for (const item of items) {
    if (typeof item.str !== 'string' || !Array.isArray(item.transform)) continue;
    if (!item.str || !/\S/.test(item.str)) {
      if (item.str) pendingSpace = true;
      continue;
    }
    const [a, b, c, d, x, y] = item.transform as number[];
    const size = round(Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10);
    const width = item.width > 0 ? item.width : item.str.length * size * 0.5;
    const horizontal = Math.abs(b) < 1e-6 * Math.abs(a) || Math.abs(a) > Math.abs(b);
    if (line && Math.abs(y - line.y) <= 0.6 * Math.min(size, line.size) && horizontal) {
      const gap = x - line.endX;
      const tolerance = 0.15 * Math.min(size, line.size);
      if (pendingSpace || gap > tolerance || gap < -Math.max(size, line.size)) line.text += ' ';
      line.text += item.str;
      line.endX = Math.max(line.endX, x + width);
      line.sizes.set(size, (line.sizes.get(size) ?? 0) + item.str.length);
    } else {
      line = { y, size, sizes: new Map([[size, item.str.length]]), text: item.str, endX: x + width };
      lines.push(line);
    }
    pendingSpace = false;
  }
  if (!lines.length) return '';
  for (const l of lines) l.size = dominantSize(l.sizes);

  // The page's usual distance between baselines within a paragraph (when it has enough
  // lines to tell): the lower quartile, as paragraph gaps are the larger ones.
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i - 1].y - lines[i].y;
    const size = Math.max(lines[i - 1].size, lines[i].size);
    if (gap > 0.5 * size && gap < 3 * size) gaps.push(gap);
  }
  const usual = gaps.length >= 3 ? lowerQuartile(gaps) : null;

  let raw = lines[0].text;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const cur = lines[i];
    const gap = prev.y - cur.y;
    const size = Math.max(prev.size, cur.size);
    const sizeChanged = Math.abs(prev.size - cur.size) > 0.2 * size;
    const threshold = usual !== null ? usual * 1.3 : size * 1.6;
    const paragraph = gap < -0.5 * size || gap > threshold || sizeChanged;
    raw += (paragraph ? '\n\n' : '\n') + cur.text;
  }
  return normalizeText(joinHyphenated(raw));
}

/** "infor-\nmation" → "information" (a lowercase letter, a hyphen at the line end, a lowercase letter). */
function joinHyphenated(text: string): string {
  return text.replace(/(\p{Ll})[-\u2010\u00AD][ \t]*\n[ \t]*(?=\p{Ll})/gu, '$1');
}

function dominantSize(sizes: Map<number, number>): number {
  let best = 0;
  let bestCount = -1;
  for (const [size, chars] of sizes) {
    if (chars > bestCount) {
      best = size;
      bestCount = chars;
    }
  }
  return best;
}

function lowerQuartile(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 4)];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Mostly private-use or replacement characters: glyphs without a Unicode mapping. */
function looksUnmapped(text: string): boolean {
  const sample = text.slice(0, 20_000).replace(/\s/g, '');
  if (sample.length < 20) return false;
  const bad = sample.match(/[\uE000-\uF8FF\uFFFD]/g)?.length ?? 0;
  return bad > sample.length * 0.3;
}

// ---------------------------------------------------------------------------------------
// Metadata

interface MetadataLike {
  getRaw?(): unknown;
  get(name: string): unknown;
}

const JUNK_TITLE = /^(?:untitled(?: document)?|document\d*|title|slide \d+|layout \d+|microsoft (?:word|powerpoint|excel) - .*|.*\.(?:docx?|pdf|indd|qxd|pptx?|xlsx?|rtf|odt|txt|html?))$/i;
const JUNK_AUTHOR = /^(?:microsoft office user|windows user|user|owner|admin|administrator|author|unknown)$/i;

async function readMetadata(doc: { getMetadata(): Promise<{ info: object; metadata: unknown }> }): Promise<Partial<SourceMeta>> {
  let info: Record<string, unknown> = {};
  let xmp: XmpFields = {};
  try {
    const result = await doc.getMetadata();
    info = result.info as Record<string, unknown>;
    const metadata = result.metadata as MetadataLike | null;
    const raw = metadata?.getRaw?.();
    xmp = typeof raw === 'string' ? readXmp(raw) : {};
  } catch {
    return {};
  }
  const infoValue = (name: string): string | null => (typeof info[name] === 'string' ? (info[name] as string) : null);

  const meta: Partial<SourceMeta> = {};
  const title = [xmp.title, infoValue('Title')].map((v) => normalizeInline(v, 500)).find((v) => v && !JUNK_TITLE.test(v));
  if (title) meta.title = title;
  const author = [xmp.creator, infoValue('Author')].map((v) => normalizeInline(v)).find((v) => v && !JUNK_AUTHOR.test(v));
  if (author) meta.author = author;
  const date = pdfDate(infoValue('CreationDate')) ?? isoDate(xmp.created ?? null);
  if (date) meta.publishedAt = date;
  const language = normalizeInline(infoValue('Language') ?? xmp.language, 35);
  if (language) meta.language = language;
  return meta;
}

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const DC = 'http://purl.org/dc/elements/1.1/';
const XMP = 'http://ns.adobe.com/xap/1.0/';

interface XmpFields {
  title?: string;
  creator?: string;
  created?: string;
  language?: string;
}

/**
 * Title (the x-default alternative, else the first), creators (joined with ", "), creation
 * date and language from an XMP packet. Properties may be elements or, for simple values,
 * attributes of rdf:Description.
 */
export function readXmp(xml: string): XmpFields {
  const fields: XmpFields = {};
  const path: string[] = [];
  let property: keyof XmpFields | null = null;
  let items: { lang: string | null; text: string }[] = [];
  let item: { lang: string | null; text: string } | null = null;
  let direct = '';
  const propertyOf = (ns: string, local: string): keyof XmpFields | null =>
    ns === DC ? ({ title: 'title', creator: 'creator', language: 'language' } as const)[local as 'title'] ?? null
    : ns === XMP && local === 'CreateDate' ? 'created' : null;
  walkXml(xml, {
    open(ns, local, attrs) {
      const parent = path[path.length - 1];
      path.push(ns === RDF ? `rdf:${local}` : '');
      if (ns === RDF && local === 'Description') {
        fields.created ??= attrs.get(XMP, 'CreateDate') ?? undefined;
      } else if (parent === 'rdf:Description') {
        property = propertyOf(ns, local);
        items = [];
        direct = '';
      } else if (property && ns === RDF && local === 'li') {
        item = { lang: attrs.get(XML_NS, 'lang'), text: '' };
      }
    },
    close(ns, local) {
      path.pop();
      if (item && ns === RDF && local === 'li') {
        items.push(item);
        item = null;
      } else if (property && path[path.length - 1] === 'rdf:Description') {
        const texts = items.map((i) => i.text.trim()).filter(Boolean);
        const value =
          property === 'title' ? (items.find((i) => i.lang === 'x-default')?.text.trim() || texts[0]) :
          property === 'creator' || property === 'language' ? texts.join(', ') || undefined :
          direct.trim() || texts[0];
        if (value) fields[property] ??= value;
        property = null;
      }
    },
    text(text) {
      if (item) item.text += text;
      else if (property) direct += text;
    },
  });
  return fields;
}

/** A PDF date ("D:20240301120000+01'00'") as the calendar date it was written in: YYYY-MM-DD (or YYYY-MM, YYYY). */
export function pdfDate(raw: string | null): string | null {
  if (!raw) return null;
  const match = /^\s*(?:D:)?(\d{4})(\d{2})?(\d{2})?(?![-/.])/.exec(raw);
  if (!match) return isoDate(raw);
  const [, y, m, d] = match;
  if (+y < 1900 || +y > 2999) return null;
  if (!m) return y;
  if (+m < 1 || +m > 12) return null;
  if (!d) return `${y}-${m}`;
  const date = new Date(Date.UTC(+y, +m - 1, +d));
  if (date.getUTCDate() !== +d) return null;
  return `${y}-${m}-${d}`;
}

/** An ISO / XMP / written date's calendar date (YYYY-MM-DD), or null. */
function isoDate(raw: string | null): string | null {
  const value = normalizeDate(raw);
  const match = value && /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return match ? match[1] : null;
}

// ---------------------------------------------------------------------------------------
// Wording

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "page 3", "pages 3–5, 9" */
function pageList(pages: number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    ranges.push(j > i ? `${count(pages[i])}–${count(pages[j])}` : count(pages[i]));
    i = j + 1;
  }
  const shown = ranges.length > 8 ? [...ranges.slice(0, 8), `and ${ranges.length - 8} more`] : ranges;
  return `${pages.length === 1 ? 'page' : 'pages'} ${shown.join(', ')}`;
}
