// What every format's parser and the parsing stage share: the parsed document, the
// draft a parser returns, and the "deliberately not imported" signal. Its own file so the
// parsers and parse.ts, which picks among them, do not import each other.
import type { PageSpan, SourceFormat, SourceMeta } from '../../../db/domain';
import type { OcrPageInfo } from '../../../common/ocr';

export interface ParsedDocument {
  format: SourceFormat;
  meta: SourceMeta;
  /** The normalized text (see normalize.ts): what anchors address and the reader shows. */
  text: string;
  /** Things the user should know about the import, e.g. "not valid UTF-8; read as Windows-1252". */
  warnings: string[];
  /** The page map of a paged format (PDF, an image's frames); absent otherwise. */
  pages?: PageSpan[];
  /** The pages whose text OCR read, with its confidence and versions; absent when none. */
  ocr?: OcrPageInfo[];
  /** The language detected in the text (ISO 639-1), null when too little to tell; absent until detected (importer.ts, withLanguage). */
  language?: string | null;
}

/** A file deliberately not imported; `message` is the reason shown to the user. */
export class ImportSkip extends Error {
  override name = 'ImportSkip';
}

/** What a format's parser found; parseDocument fills the gaps and cleans every value. */
export type MetaDraft = { [K in keyof SourceMeta]?: string | null };
export interface FormatResult {
  text: string;
  meta: MetaDraft;
  warnings: string[];
}

/** Where the parsing of a long file is: sent before each page (PDF, image frames) is read. */
export interface ParseProgress {
  page: number;
  pages: number;
  /** Whether OCR reads this page (seconds, not milliseconds). */
  ocr: boolean;
}
