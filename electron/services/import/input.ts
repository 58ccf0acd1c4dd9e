// A file handed to the importer (or to "replace text"), and the one way it is read: its
// size is checked before a byte is read (the whole file is held in memory) and again after
// (it may have grown), and a read that fails says why.
import { MAX_IMPORT_BYTES } from '../../../common/sourceFiles';

/** One file to import, wherever its bytes come from (a path on disk, an upload). */
export interface ImportInput {
  /** What the report calls the file: the path given, or the uploaded file's name. */
  path: string;
  name: string;
  size: number;
  read(): Buffer;
}

export type FileRead = { bytes: Buffer } | { tooLarge: number } | { unreadable: NodeJS.ErrnoException };

export function readImportFile(input: ImportInput): FileRead {
  if (input.size > MAX_IMPORT_BYTES) return { tooLarge: input.size };
  let bytes: Buffer;
  try {
    bytes = input.read();
  } catch (err) {
    return { unreadable: err as NodeJS.ErrnoException };
  }
  return bytes.length > MAX_IMPORT_BYTES ? { tooLarge: bytes.length } : { bytes };
}
