// The parse worker: a worker thread that turns files into parsed documents for the
// importer (parsePool.ts), so that parsing a large page or PDF never blocks the thread
// that serves requests and writes to the workspace. It holds no state between files and
// touches neither the database nor the file system: bytes in, a ParseOutcome out.
//
// Started three ways (see parsePool.ts): bundled as out/main/parseWorker.cjs in the
// Electron build, or from source through parseWorkerBoot.mjs (tsx) under the command
// line and the tests. No top-level await: the bundle is CommonJS.
import { parentPort } from 'node:worker_threads';
import { parseToOutcome, type ParseOutcome } from './parseOutcome';

/** The importer → worker message: one file to parse. */
export interface ParseRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
}

/** The worker → importer messages: once when loaded, then one per file, in order. */
export type WorkerMessage = { type: 'ready' } | { type: 'done'; id: number; outcome: ParseOutcome };

const port = parentPort;
if (port) {
  // Whatever a parser library prints goes to stderr: the command line's stdout carries
  // its JSON. (The pool cannot pipe the worker's stdout itself: a piped worker stream
  // keeps the process alive after the import.)
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  // Files are parsed one at a time, in the order they arrive (the pool counts on it to
  // know which file a crash belongs to); pdf.js awaits, so the queue is explicit.
  let chain: Promise<void> = Promise.resolve();
  port.on('message', (request: ParseRequest) => {
    chain = chain.then(async () => {
      const outcome = await parseToOutcome(request.name, request.bytes);
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
