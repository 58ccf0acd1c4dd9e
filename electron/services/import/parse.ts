// The parsing stage of import: a file's name and bytes → normalized text and metadata.
// Pure (no database, no file system); the importer stores what this returns.
import type { SourceFormat, SourceMeta } from '../../../db/domain';
import { IMPORT_FORMATS } from '../../../common/sourceFiles';
import { ImportSkip, type MetaDraft, type ParsedDocument } from './format';
import { decodeBytes, sniffHtmlCharset } from './decode';
import { parseHtml } from './html';
import { parseMarkdown } from './markdown';
import { parsePdf, type ParsedPdf } from './pdf';
import { parseDocx } from './docx';
import { normalizeInline, normalizeText } from './normalize';
import { parsePlainText } from './text';

export { ImportSkip, type FormatResult, type MetaDraft, type ParsedDocument } from './format';
export { SUPPORTED_EXTENSIONS } from '../../../common/sourceFiles';


const MAX_TITLE_LENGTH = 500;

/**
 * Parse a file by its extension (never by guessing from its content: an HTML page saved
 * as .txt is imported as the text it is). Throws ImportSkip for a file that is not
 * imported, with the reason.
 */
export async function parseFile(fileName: string, bytes: Uint8Array): Promise<ParsedDocument> {
  const { format, fallbackTitle } = classify(fileName, bytes);
  if (format !== 'pdf' && format !== 'docx') return parseDocument(fileName, bytes);
  // Binary formats: their parsers read the bytes and return normalized text.
  // pdf.js refuses a Node Buffer; a plain view of the same memory is what it wants.
  const plain = Buffer.isBuffer(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
  const parsed = format === 'pdf' ? await parsePdf(plain) : parseDocx(plain);
  if (!parsed.text) throw new ImportSkip('no text to import');
  return {
    format,
    meta: cleanMeta(parsed.meta, fallbackTitle),
    text: parsed.text,
    warnings: parsed.warnings,
    ...(format === 'pdf' ? { pages: (parsed as ParsedPdf).pages } : {}),
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
    throw new ImportSkip(`${what} (Sourcebook imports .txt, .md, .html, .pdf, .docx)`);
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
  if (format === 'pdf' || format === 'docx') throw new Error(`parseDocument reads text formats only; use parseFile for ${fileName}`);

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
