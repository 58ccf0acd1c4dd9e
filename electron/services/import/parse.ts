// The parsing stage of import: a file's name and bytes → normalized text and metadata.
// Pure (no database, no file system); the importer stores what this returns.
import type { SourceFormat, SourceMeta } from '../../../db/domain';
import { IMPORT_FORMATS } from '../../../common/sourceFiles';
import { ImportSkip, type MetaDraft, type ParsedDocument } from './format';
import { decodeBytes, sniffHtmlCharset } from './decode';
import { parseHtml } from './html';
import { parseMarkdown } from './markdown';
import { parsePdf, type ParsedPdf } from './pdf';
import { parseImage } from './image';
import type { OcrRequest } from '../../../common/ocr';
import type { ParseProgress } from './format';

/** The reason given for a file whose import was cancelled while it was being read. */
export const CANCELLED = 'import cancelled';
import { parseDocx } from './docx';
import { normalizeInline, normalizeText } from './normalize';
import { parsePlainText } from './text';

export { ImportSkip, type FormatResult, type MetaDraft, type ParsedDocument } from './format';
export { SUPPORTED_EXTENSIONS } from '../../../common/sourceFiles';


const MAX_TITLE_LENGTH = 500;

export interface ParseOptions {
  /**
   * OCR of images and of PDF pages without a good text layer. Without it, a PDF's pages
   * are read from their text layer only and an image is not imported.
   */
  ocr?: OcrRequest;
  /** Told before each page of a paged file is read. */
  progress?: (progress: ParseProgress) => void;
  /** Stops a long file between two pages (an ImportSkip with the reason CANCELLED). */
  signal?: AbortSignal;
}

/**
 * Parse a file by its extension (never by guessing from its content: an HTML page saved
 * as .txt is imported as the text it is). Throws ImportSkip for a file that is not
 * imported, with the reason.
 */
export async function parseFile(fileName: string, bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedDocument> {
  const { format, fallbackTitle } = classify(fileName, bytes);
  if (format !== 'pdf' && format !== 'docx' && format !== 'image') return parseDocument(fileName, bytes);
  // Binary formats: their parsers read the bytes and return normalized text.
  // pdf.js refuses a Node Buffer; a plain view of the same memory is what it wants.
  const plain = Buffer.isBuffer(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
  if (format === 'image') {
    const image = await parseImage(plain, options.ocr ?? { mode: 'never', languages: [], dataDir: null }, pageByPage(options));
    return { format, meta: cleanMeta({}, fallbackTitle), text: image.text, warnings: image.warnings, pages: image.pages, ocr: image.ocr };
  }
  const parsed = format === 'pdf' ? await parsePdf(plain, { ocr: options.ocr, progress: pageByPage(options) }) : parseDocx(plain);
  if (!parsed.text) throw new ImportSkip('no text to import');
  const pdf = format === 'pdf' ? (parsed as ParsedPdf) : null;
  return {
    format,
    meta: cleanMeta(parsed.meta, fallbackTitle),
    text: parsed.text,
    warnings: parsed.warnings,
    ...(pdf ? { pages: pdf.pages } : {}),
    ...(pdf?.ocr ? { ocr: pdf.ocr } : {}),
  };
}

/** The parsers' page callback: progress reported, and a cancel honoured, before each page. */
function pageByPage(options: ParseOptions): (progress: ParseProgress) => void {
  return (progress) => {
    if (options.signal?.aborted) throw new ImportSkip(CANCELLED);
    options.progress?.(progress);
  };
}

/** The format of a file by its extension, refusing unsupported and empty files. */
function classify(fileName: string, bytes: Uint8Array): { format: SourceFormat; fallbackTitle: string } {
  const base = baseName(fileName);
  const dot = base.lastIndexOf('.');
  const extension = dot >= 0 ? base.slice(dot).toLowerCase() : '';
  const format = Object.hasOwn(IMPORT_FORMATS, extension) ? IMPORT_FORMATS[extension] : undefined;
  if (!format) {
    const what = extension ? `unsupported file type ${extension}` : 'a file without an extension';
    throw new ImportSkip(`${what} (Sourcebook imports .txt, .md, .html, .pdf, .docx, and .png, .jpg, .tif images through OCR)`);
  }
  if (bytes.length === 0) throw new ImportSkip('empty file');
  return { format, fallbackTitle: normalizeInline(dot > 0 ? base.slice(0, dot) : base, MAX_TITLE_LENGTH) ?? 'Untitled' };
}

/**
 * Parse a text format (.txt, .md, .html) synchronously; `parseFile` takes every format.
 * Throws ImportSkip for a file that is not imported, with the reason.
 */
export function parseDocument(fileName: string, bytes: Uint8Array): ParsedDocument {
  const { format, fallbackTitle } = classify(fileName, bytes);
  if (format === 'pdf' || format === 'docx' || format === 'image') throw new Error(`parseDocument reads text formats only; use parseFile for ${fileName}`);

  const decoded = decodeBytes(bytes, format === 'html' ? sniffHtmlCharset(bytes) : null);
  if (!decoded.ok) throw new ImportSkip(decoded.reason);

  const parsed =
    format === 'html' ? parseHtml(decoded.text) : format === 'markdown' ? parseMarkdown(decoded.text) : parsePlainText(decoded.text);
  // Format parsers already return normalized text; normalizing again is cheap and makes
  // the contract hold whatever a parser does.
  const text = normalizeText(parsed.text);
  if (!text) throw new ImportSkip('no text to import');

  return {
    format,
    meta: cleanMeta(parsed.meta, fallbackTitle),
    text,
    warnings: [...decoded.warnings, ...parsed.warnings],
  };
}

function cleanMeta(meta: MetaDraft, fallbackTitle: string): SourceMeta {
  return {
    title: normalizeInline(meta.title, MAX_TITLE_LENGTH) ?? fallbackTitle,
    author: normalizeInline(meta.author),
    publisher: normalizeInline(meta.publisher),
    publishedAt: normalizeInline(meta.publishedAt, 100),
    url: meta.url && meta.url.length <= 2048 && !/\s/.test(meta.url) ? meta.url : null,
    language: normalizeInline(meta.language, 35),
  };
}

function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}
