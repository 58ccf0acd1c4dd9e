// The parse worker: a worker thread that turns files into parsed documents for the
// importer (parsePool.ts), so that parsing a large page or PDF never blocks the thread
// that serves requests and writes to the workspace. It holds no state between files and
// touches neither the database nor the file system: bytes in, a ParseOutcome out.
//
// Started three ways (see parsePool.ts): bundled as out/main/parseWorker.cjs in the
// Electron build, or from source through parseWorkerBoot.mjs (tsx) under the command
// line and the tests. No top-level await: the bundle is CommonJS.
//
// OCR runs here too (it reads its engine and language data from the app's own files): a
// page takes seconds, so the worker says which page it is on, and a file whose import is
// cancelled is dropped before it starts (the pool ends the worker to stop one under way).
import { parentPort } from 'node:worker_threads';
import type { OcrRequest } from '../../../common/ocr';
import type { ParseProgress } from './format';
import { CANCELLED, parseToOutcome, type ParseOutcome } from './parseOutcome';

/** The importer → worker message: one file to parse, or a file not to parse after all. */
export type ParseRequest = { id: number; name: string; bytes: Uint8Array; ocr?: OcrRequest } | { cancel: number };

/** The worker → importer messages: once when loaded, then per file its pages' progress and its outcome, in order. */
export type WorkerMessage = { type: 'ready' } | { type: 'progress'; id: number; progress: ParseProgress } | { type: 'done'; id: number; outcome: ParseOutcome };

const port = parentPort;
if (port) {
  // Whatever a parser library prints goes to stderr: the command line's stdout carries
  // its JSON. (The pool cannot pipe the worker's stdout itself: a piped worker stream
  // keeps the process alive after the import.)
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  // Files are parsed one at a time, in the order they arrive (the pool counts on it to
  // know which file a crash belongs to); pdf.js awaits, so the queue is explicit.
  let chain: Promise<void> = Promise.resolve();
  const cancelled = new Set<number>();
  port.on('message', (request: ParseRequest) => {
    if ('cancel' in request) {
      cancelled.add(request.cancel);
      return;
    }
    chain = chain.then(async () => {
      const outcome: ParseOutcome = cancelled.delete(request.id)
        ? { kind: 'skip', reason: CANCELLED }
        : await parseToOutcome(request.name, request.bytes, {
            ocr: request.ocr,
            progress: (progress) => port.postMessage({ type: 'progress', id: request.id, progress } satisfies WorkerMessage),
          });
      try {
        port.postMessage({ type: 'done', id: request.id, outcome } satisfies WorkerMessage);
      } catch (err) {
        // An outcome that cannot be cloned must still answer, or the file would wait forever.
        port.postMessage({ type: 'done', id: request.id, outcome: { kind: 'error', message: (err as Error).message } } satisfies WorkerMessage);
      }
    });
  });
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}
