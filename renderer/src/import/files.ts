// Files picked or dropped, as the contract takes them: a name and base64 bytes. Also the
// folder walk of a drop (DataTransferItem.webkitGetAsEntry), recursive.

import { extensionOf, isSupportedFile, MAX_IMPORT_BYTES, SUPPORTED_EXTENSIONS } from '../../../common/sourceFiles';

/** The importer's limit, checked here to fail fast without uploading. */
export const MAX_BYTES = MAX_IMPORT_BYTES;
/** What the importer reads; folders contribute only these. */
export const ACCEPTED_EXTENSIONS = SUPPORTED_EXTENSIONS.join(',');
export const SUPPORTED_LABEL = '.txt, .md, .html, .pdf, .docx or image (.png, .jpg, .tif: read by OCR)';

export { extensionOf };
export const isSupported = isSupportedFile;

export function bytesToBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export async function fileForUpload(file: File): Promise<{ name: string; data: string }> {
  return { name: file.name, data: bytesToBase64(await file.arrayBuffer()) };
}

/** A file to import and how the summary names it (its path inside a picked or dropped folder). */
export interface PendingFile {
  file: File;
  path: string;
}

/** What a folder held besides supported files: counted by extension, not imported. */
export type Ignored = Map<string, number>;

function ignore(ignored: Ignored, name: string): void {
  const ext = extensionOf(name) || '(no extension)';
  ignored.set(ext, (ignored.get(ext) ?? 0) + 1);
}

const hidden = (name: string) => name.startsWith('.');

/**
 * The files of a folder picked with `<input webkitdirectory>`: supported ones in path
 * order; hidden files and folders skipped; the rest counted as ignored.
 */
export function filesOfPickedFolder(files: readonly File[]): { files: PendingFile[]; ignored: Ignored } {
  const ignored: Ignored = new Map();
  const out: PendingFile[] = [];
  for (const file of files) {
    const path = file.webkitRelativePath || file.name;
    if (path.split('/').some(hidden)) continue;
    if (isSupported(file.name)) out.push({ file, path });
    else ignore(ignored, file.name);
  }
  out.sort((a, b) => a.path.localeCompare(b.path));
  return { files: out, ignored };
}

/** The parts of the File and Directory Entries API a drop walk needs (fakeable in tests). */
export interface EntryLike {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?(success: (file: File) => void, failure?: (error: unknown) => void): void;
  createReader?(): { readEntries(success: (entries: EntryLike[]) => void, failure?: (error: unknown) => void): void };
}

function readAll(dir: EntryLike): Promise<EntryLike[]> {
  const reader = dir.createReader!();
  const all: EntryLike[] = [];
  return new Promise((resolve, reject) => {
    // readEntries returns a batch at a time (100 in Chromium) until an empty one.
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

const entryFile = (entry: EntryLike) => new Promise<File>((resolve, reject) => entry.file!(resolve, reject));

/**
 * Walks dropped entries: a file dropped by itself is always tried (the importer says why
 * it cannot take it); inside a dropped folder only supported files are, recursively,
 * hidden entries skipped, the rest counted as ignored.
 */
export async function filesOfEntries(entries: readonly EntryLike[]): Promise<{ files: PendingFile[]; ignored: Ignored; unreadable: { path: string; error: string }[] }> {
  const files: PendingFile[] = [];
  const ignored: Ignored = new Map();
  const unreadable: { path: string; error: string }[] = [];
  const path = (entry: EntryLike) => entry.fullPath.replace(/^\//, '') || entry.name;
  const walk = async (entry: EntryLike, top: boolean): Promise<void> => {
    if (!top && hidden(entry.name)) return;
    if (entry.isDirectory) {
      let children: EntryLike[];
      try {
        children = await readAll(entry);
      } catch (error) {
        unreadable.push({ path: path(entry), error: `cannot read the folder: ${(error as Error)?.message ?? error}` });
        return;
      }
      children.sort((a, b) => a.name.localeCompare(b.name));
      for (const child of children) await walk(child, false);
    } else if (entry.isFile) {
      if (!top && !isSupported(entry.name)) {
        ignore(ignored, entry.name);
        return;
      }
      try {
        files.push({ file: await entryFile(entry), path: path(entry) });
      } catch (error) {
        unreadable.push({ path: path(entry), error: `cannot read the file: ${(error as Error)?.message ?? error}` });
      }
    }
  };
  for (const entry of entries) await walk(entry, true);
  return { files, ignored, unreadable };
}

/** “3 other files (.jpg, .png) were not imported” — for the import summary. */
export function describeIgnored(ignored: Ignored): string | null {
  let total = 0;
  for (const n of ignored.values()) total += n;
  if (total === 0) return null;
  const kinds = [...ignored.keys()].sort().slice(0, 6).join(', ');
  return `${total} other file${total === 1 ? '' : 's'} in the folder ${total === 1 ? 'is' : 'are'} not a supported format (${kinds}${ignored.size > 6 ? ', …' : ''}) and ${total === 1 ? 'was' : 'were'} left out.`;
}
