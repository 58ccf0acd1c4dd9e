// The recognition worker: runs recogniseText off the thread that serves requests, under
// the memory limit its starter (recogniser.ts) gives it. Text in, names out; no state.
// Started bundled as out/main/recogniseWorker.cjs in the Electron build, or from source
// through recogniseWorkerBoot.mjs. No top-level await: the bundle is CommonJS.
import { parentPort } from 'node:worker_threads';
import { recogniseText, type Found } from './recogniseText';

export interface RecogniseRequest {
  id: number;
  text: string;
}

export type RecogniseReply = { type: 'ready' } | { type: 'done'; id: number; found: Found[] } | { type: 'failed'; id: number; message: string };

const port = parentPort;
if (port) {
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  port.on('message', (request: RecogniseRequest) => {
    try {
      port.postMessage({ type: 'done', id: request.id, found: recogniseText(request.text) } satisfies RecogniseReply);
    } catch (err) {
      port.postMessage({ type: 'failed', id: request.id, message: (err as Error).message } satisfies RecogniseReply);
    }
  });
  port.postMessage({ type: 'ready' } satisfies RecogniseReply);
}
