// The files Sourcebook imports: their extensions, the format each is read as, and the
// size limit. One list for the importer (electron/services/import/parse.ts), the contract's
// payload check and the window's file pickers and folder walks, which used to keep copies
// of their own (the window's lacked `.text`).

/** The glossary's original formats of a source. */
export const SOURCE_FORMATS = ['text', 'markdown', 'html', 'pdf', 'docx', 'image'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** File extension (lower case, with the dot) → the format it is read as. */
export const IMPORT_FORMATS: Readonly<Record<string, SourceFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
  // Scans and photographs of documents: their text is what OCR reads in them.
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.tif': 'image',
  '.tiff': 'image',
};

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(IMPORT_FORMATS);

/** The largest file imported, in bytes: 32 MiB. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/** ".pdf" for "Report.PDF"; "" for a name without an extension (or a dot file). */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export const isSupportedFile = (name: string): boolean => extensionOf(name) in IMPORT_FORMATS;
