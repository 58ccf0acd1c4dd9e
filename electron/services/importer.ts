import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { WriteBatch, isStorageFailure, writeTransaction, type Db } from '../../db/workspace';
import { contentHash, findSourceByHash, findSourceLike, insertSource, updateSourceMeta } from '../../db/sources';
import { deferSourceIndexing, indexDeferredSources } from '../../db/search';
import type { Reliability } from '../../db/domain';
import { ImportSkip } from './import/format';
import { readImportFile, type ImportInput } from './import/input';
import { MAX_IMPORT_BYTES, SUPPORTED_EXTENSIONS } from '../../common/sourceFiles';
import { CANCELLED, parseToOutcome, type ParseOutcome } from './import/parseOutcome';
import type { ParseOptions } from './import/parse';
import type { ParseProgress } from './import/format';
import type { OcrRequest } from '../../common/ocr';
import { detectLanguage } from './import/language';
import { ParsePool, sharedParsePool } from './import/parsePool';
import { scanText } from './mentions/scan';
import type { ImportReport } from './views';
export type { ImportReport };

/** Larger files are refused before they are read: the whole file is held in memory. */
export const MAX_FILE_BYTES = MAX_IMPORT_BYTES;


export type { ImportInput };

export type ImportOutcome =
  | { kind: 'imported'; id: string; title: string; warnings: string[]; versionOf?: { id: string; title: string } }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; error: string };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Imports one file in its own transaction: it is stored whole, or not at all. Parses on this thread. */
export async function importOne(db: Db, input: ImportInput, options: { reliability?: Reliability; ocr?: OcrRequest } = {}): Promise<ImportOutcome> {
  const read = readInput(input);
  if (!('bytes' in read)) return read;
  return storeParsed(db, input, read.bytes, await withLanguage(await parseToOutcome(input.name, read.bytes, { ocr: options.ocr })), options);
}

/**
 * A parsed file with the language of its text detected. Detected here, on the thread that
 * stores, not in the parse workers: the detector's tables take ~85 MB in each process
 * that loads them, and detection reads only the first few hundred characters (~30 µs).
 */
async function withLanguage(outcome: ParseOutcome): Promise<ParseOutcome> {
  if (outcome.kind !== 'parsed' || outcome.doc.language !== undefined) return outcome;
  return { kind: 'parsed', doc: { ...outcome.doc, language: await detectLanguage(outcome.doc.text) } };
}

/** The file's bytes, or why it is not imported: refused by its size before it is read, or unreadable. */
function readInput(input: ImportInput): { bytes: Buffer } | ImportOutcome {
  const read = readImportFile(input);
  if ('tooLarge' in read) return { kind: 'skipped', reason: `file is ${mb(read.tooLarge)}; Sourcebook imports files up to ${mb(MAX_FILE_BYTES)}` };
  if ('unreadable' in read) {
    const e = read.unreadable;
    if (e.code === 'ENOTREG') return { kind: 'skipped', reason: e.message };
    const why = e.code === 'ENOENT' ? 'the file no longer exists' : e.code === 'EACCES' ? 'permission denied' : e.message;
    return { kind: 'failed', error: `cannot read the file: ${why}` };
  }
  return read;
}

/** Stores a parsed file in its own transaction (a savepoint inside a batch), unless it is a duplicate. */
function storeParsed(db: Db, input: ImportInput, bytes: Buffer, parsed: ParseOutcome, options: { reliability?: Reliability } = {}): ImportOutcome {
  if (parsed.kind === 'skip') return { kind: 'skipped', reason: parsed.reason };
  if (parsed.kind === 'error') return { kind: 'failed', error: parsed.message };
  const doc = parsed.doc;
  try {
    const hash = contentHash(doc.text);
    return writeTransaction(db, (): ImportOutcome => {
      const dup = findSourceByHash(db, hash);
      if (dup) return { kind: 'skipped', reason: `duplicate of ${dup.title}` };
      // Different text, but maybe the same document (a corrected article, a report saved
      // again): imported all the same, with a word on how to keep one source instead.
      const earlier = findSourceLike(db, { url: doc.meta.url, originalName: input.name, title: doc.meta.title });
      // The language the document declares (an HTML lang, a PDF's or DOCX's metadata), else the one detected in its text.
      const language = doc.meta.language ?? doc.language ?? null;
      const id = insertSource(db, { ...doc.meta, language, format: doc.format, originalName: input.name, text: doc.text, original: bytes, pages: doc.pages ?? null, ocr: doc.ocr ?? null, contentHash: hash, textLanguage: doc.language ?? 'und' });
      if (options.reliability) updateSourceMeta(db, id, { reliability: options.reliability });
      // Mentions of known entities are found as the source arrives (a new source has none to clear first).
      scanText(db, id, doc.text, hash, undefined, { fresh: true });
      const warnings = earlier ? [...doc.warnings, newVersionWarning(earlier, doc.meta.url !== null)] : doc.warnings;
      return { kind: 'imported', id, title: doc.meta.title, warnings, ...(earlier ? { versionOf: earlier } : {}) };
    });
  } catch (err) {
    if (err instanceof ImportSkip) return { kind: 'skipped', reason: err.message };
    // A full or read-only disk is not this file's fault: the import stops (the files
    // before it stay stored) instead of failing every file after it.
    if (isStorageFailure(err)) throw err;
    return { kind: 'failed', error: (err as Error).message };
  }
}

function newVersionWarning(earlier: { id: string; title: string }, sameUrl: boolean): string {
  return (
    `${sameUrl ? 'same web address' : 'same file name and title'} as “${earlier.title}” (${earlier.id}), already in the workspace: ` +
    `if this is a new version of it, replace that source's text instead (Versions → Replace text, or \`source replace\`) to keep its excerpts on one source`
  );
}

export interface ImportAllOptions {
  /** The caller is the only user of the connection: commit files' savepoints in batches (below). */
  exclusive?: boolean;
  /**
   * Where files are parsed. By default in the process's pool of worker threads
   * (parsePool.ts), overlapping the writes, unless the environment says
   * SOURCEBOOK_IMPORT_WORKERS=0. `false`: each file on this thread, just before it is
   * stored. A ParsePool: that pool (its own size, heap limit, time limit). The results
   * are the same whichever is used.
   */
  workers?: boolean | ParsePool;
  /** OCR of images and of PDF pages without a good text layer (default: none; see ocrSettings.ts for the workspace's default). */
  ocr?: OcrRequest;
  /** Told before each page of a long file (PDF, TIFF) is read, with the file it belongs to. */
  progress?: (progress: ImportProgress) => void;
  /** Stops the import: the file being read is dropped (its worker ended), no other starts; none of them is stored. */
  signal?: AbortSignal;
}

/** Where a running import is: the file being read and its page (what the app shows beside Cancel). */
export interface ImportProgress extends ParseProgress {
  path: string;
}

/**
 * Imports files one by one, each in its own transaction (a savepoint when batched): a
 * file is stored whole or not at all, and one bad file never stops the others.
 *
 * Files are stored in the order given (so a duplicate within the batch is the later one),
 * while the next few are already read and being parsed in the worker pool (parsePool.ts):
 * at most four per worker and about 64 MB ahead, so memory stays bounded however many
 * files there are. A file is stored only when its turn comes: one not stored yet (the
 * import stopped, the app closed) leaves no trace.
 *
 * `exclusive`: the caller is the only user of the connection (the command line), so the
 * files' savepoints are committed together every couple of seconds instead of one commit
 * each, which costs as much as the import itself. A crash then loses at most that last
 * batch, never half a file. Never in the app, where other requests share the connection
 * while a file is being parsed.
 */
export async function importAll(db: Db, inputs: Iterable<ImportInput>, options: ImportAllOptions = {}): Promise<ImportReport> {
  const report: ImportReport = { imported: [], skipped: [], failed: [] };
  // A batch indexes its texts for search together, before it commits (db/search.ts).
  const batch = options.exclusive ? new WriteBatch(db, undefined, { afterBegin: deferSourceIndexing, beforeCommit: indexDeferredSources }) : null;
  const pool = options.workers === false ? null : options.workers instanceof ParsePool ? options.workers : sharedParsePool();
  const parse = (name: string, bytes: Uint8Array, parseOptions: ParseOptions) => (pool ? pool.parse(name, bytes, parseOptions) : parseToOutcome(name, bytes, parseOptions));
  const { signal } = options;
  const parseOptionsFor = (input: ImportInput): ParseOptions => ({
    ocr: options.ocr,
    signal,
    ...(options.progress ? { progress: (p: ParseProgress) => options.progress!({ ...p, path: input.path }) } : {}),
  });
  // Enough files in flight to keep every worker busy while this thread stores, within
  // AHEAD_BYTES; none ahead when parsing here (it would only delay the file being stored).
  const ahead = pool ? pool.capacity : 0;
  const pending: Prepared[] = [];
  let pendingBytes = 0;
  const source = inputs[Symbol.iterator]();
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && !signal?.aborted && pending.length <= ahead && (pending.length === 0 || pendingBytes < AHEAD_BYTES)) {
        const next = source.next();
        if (next.done) exhausted = true;
        else {
          const item = prepare(next.value, (name, bytes) => parse(name, bytes, parseOptionsFor(next.value)));
          pending.push(item);
          pendingBytes += 'bytes' in item ? item.bytes.length : 0;
        }
      }
      const item = pending.shift();
      if (!item) break;
      pendingBytes -= 'bytes' in item ? item.bytes.length : 0;
      const parsed = 'parsed' in item ? await withLanguage(await item.parsed) : null;
      // Cancelled: nothing read after the cancel is stored, the files read before it are.
      if (signal?.aborted && parsed) {
        record(report, item.input, { kind: 'skipped', reason: CANCELLED });
        continue;
      }
      batch?.step();
      record(report, item.input, 'parsed' in item ? storeParsed(db, item.input, item.bytes, parsed!) : item.outcome);
    }
  } finally {
    batch?.end();
  }
  return report;
}

/** Files read ahead of the one being stored hold at most about this much (plus one file). */
const AHEAD_BYTES = 64 * 1024 * 1024;

/** A file read and sent to be parsed, or already settled (refused by its size, unreadable). */
type Prepared = { input: ImportInput; bytes: Buffer; parsed: Promise<ParseOutcome> } | { input: ImportInput; outcome: ImportOutcome };

function prepare(input: ImportInput, parse: (name: string, bytes: Uint8Array) => Promise<ParseOutcome>): Prepared {
  const read = readInput(input);
  if (!('bytes' in read)) return { input, outcome: read };
  return { input, bytes: read.bytes, parsed: parse(input.name, read.bytes) };
}

function record(report: ImportReport, input: ImportInput, outcome: ImportOutcome): void {
  if (outcome.kind === 'imported') {
    report.imported.push({
      id: outcome.id,
      path: input.path,
      title: outcome.title,
      ...(outcome.warnings.length ? { warnings: outcome.warnings } : {}),
      ...(outcome.versionOf ? { versionOf: outcome.versionOf } : {}),
    });
  } else if (outcome.kind === 'skipped') report.skipped.push({ path: input.path, reason: outcome.reason });
  else report.failed.push({ path: input.path, error: outcome.error });
}

/** A file on disk as an import input, read (when its turn comes) as readRegularFile reads. */
export function fileInput(path: string, size: number): ImportInput {
  return { path, name: basename(path), size, read: () => readRegularFile(path) };
}

/** What a path is when it is not a regular file, in a person's words. */
function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a file';
}

/**
 * Reads a regular file and nothing else, and never more than the import limit (plus one
 * byte, to know it is over): opened without blocking (a named pipe would wait forever for
 * a writer), checked on the open descriptor (what was checked is what is read), read in
 * bounded steps (a device like /dev/zero never ends).
 */
function readRegularFile(path: string): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw Object.assign(new Error(`not a regular file (${kindOf(stat)})`), { code: 'ENOTREG' });
    const limit = MAX_IMPORT_BYTES + 1;
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < limit) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

type PathItem = ImportInput | { path: string; error: string } | { path: string; skip: string };

/**
 * Files named on a command line. A folder contributes the supported files under it,
 * recursively; only regular files are read: a named pipe, a device or a socket is skipped
 * with the reason, as are, inside a folder, symbolic links (not followed: a link can lead
 * out of the folder, or round in a circle) and hidden entries. A path that does not exist
 * is reported as failed.
 */
export function* inputsFromPaths(paths: readonly string[]): Generator<PathItem> {
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      yield { path, error: 'no such file or folder' };
      continue;
    }
    if (stat.isDirectory()) yield* walkFolder(resolve(path), path);
    else if (stat.isFile()) yield fileInput(path, stat.size);
    else yield { path, skip: `not a regular file (${kindOf(stat)})` };
  }
}

function* walkFolder(dir: string, shown: string): Generator<PathItem> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch (err) {
    yield { path: shown, error: `cannot read the folder: ${(err as Error).message}` };
    return;
  }
  for (const e of entries) {
    const full = join(dir, e.name);
    const display = join(shown, e.name);
    if (e.name.startsWith('.')) {
      yield { path: display, skip: `hidden ${e.isDirectory() ? 'folder' : 'file'}: not imported` };
      continue;
    }
    if (e.isSymbolicLink()) yield { path: display, skip: 'a symbolic link: not followed' };
    else if (e.isDirectory()) yield* walkFolder(full, display);
    else if (!e.isFile()) yield { path: display, skip: `not a regular file (${e.isFIFO() ? 'a named pipe' : e.isSocket() ? 'a socket' : 'a device'})` };
    else if (SUPPORTED_EXTENSIONS.includes(extname(e.name).toLowerCase())) {
      try {
        yield fileInput(display, statSync(full).size);
      } catch {
        yield { path: display, error: 'the file no longer exists' };
      }
    }
  }
}

/** Imports paths given on a command line, one transaction per file. */
export async function importPaths(db: Db, paths: readonly string[], options: Pick<ImportAllOptions, 'ocr' | 'progress'> = {}): Promise<ImportReport> {
  const report: ImportReport = { imported: [], skipped: [], failed: [] };
  const inputs: ImportInput[] = [];
  for (const item of inputsFromPaths(paths)) {
    if ('error' in item) report.failed.push({ path: item.path, error: item.error });
    else if ('skip' in item) report.skipped.push({ path: item.path, reason: item.skip });
    else inputs.push(item);
  }
  const rest = await importAll(db, inputs, { exclusive: true, ...options });
  return { imported: rest.imported, skipped: [...report.skipped, ...rest.skipped], failed: [...report.failed, ...rest.failed] };
}

/** Uploaded files (from the app's file dialog or a drop), already in memory. */
export function importUploads(db: Db, files: readonly { name: string; data: string }[], options: Pick<ImportAllOptions, 'ocr' | 'progress' | 'signal'> = {}): Promise<ImportReport> {
  return importAll(
    db,
    files.map((f) => {
      const name = basename(f.name.replace(/\\/g, '/'));
      const bytes = Buffer.from(f.data, 'base64');
      return { path: name, name, size: bytes.length, read: () => bytes };
    }),
    options,
  );
}

/**
 * Imports the app runs (sources:import), by workspace: what page of which file each is
 * reading (sources:importProgress, asked for while a scan is read by OCR, seconds a page)
 * and a way to stop them (sources:importCancel: the file being read is dropped, its parse
 * worker ended; nothing of it is stored).
 */
const appImports = new Map<string, Set<{ controller: AbortController; progress: ImportProgress | null }>>();

export async function importUploadsTracked(db: Db, workspacePath: string, files: readonly { name: string; data: string }[], ocr: OcrRequest): Promise<ImportReport> {
  const run = { controller: new AbortController(), progress: null as ImportProgress | null };
  const runs = appImports.get(workspacePath) ?? new Set();
  appImports.set(workspacePath, runs.add(run));
  try {
    return await importUploads(db, files, { ocr, signal: run.controller.signal, progress: (p) => (run.progress = p) });
  } finally {
    runs.delete(run);
    if (!runs.size) appImports.delete(workspacePath);
  }
}

/** The page being read by the workspace's running import, or null (none running, or a file without pages). */
export function appImportProgress(workspacePath: string): ImportProgress | null {
  for (const run of appImports.get(workspacePath) ?? []) if (run.progress) return run.progress;
  return null;
}

/** Stops the workspace's running imports; how many there were. */
export function cancelAppImports(workspacePath: string): { cancelled: number } {
  const runs = [...(appImports.get(workspacePath) ?? [])];
  for (const run of runs) run.controller.abort();
  return { cancelled: runs.length };
}
