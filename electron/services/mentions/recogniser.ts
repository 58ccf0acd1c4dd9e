// Name recognition off the serving thread: one worker thread, started on demand, with a
// memory limit and a time limit per text, so no text (a 31 MB dump, a page built to
// exhaust a parser) can take the app or the server down or hold every other request.
// A text that runs out of memory or time is reported as failed and the worker replaced.
import { Worker } from 'node:worker_threads';
import { recogniseText, type Found } from './recogniseText';
import type { RecogniseReply, RecogniseRequest } from './recogniseWorker';

export type Recognised = { found: Found[] } | { failed: string };

const MAX_HEAP_MB = 512;
const TIME = { baseMs: 30_000, perMbMs: 20_000 };
const IDLE_MS = 30_000;

function workerScript(): URL {
  const here = import.meta.url;
  return new URL(/\.ts$/.test(new URL(here).pathname) ? './recogniseWorkerBoot.mjs' : './recogniseWorker.cjs', here);
}

export class Recogniser {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private next = 1;
  private idle: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: { maxHeapMb?: number; time?: { baseMs: number; perMbMs: number } } = {}) {}

  /** The names in `text`, one text at a time; never rejects. */
  recognise(text: string): Promise<Recognised> {
    const run = this.queue.then(() => this.run(text));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(workerScript(), { resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? MAX_HEAP_MB } });
    worker.unref();
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: RecogniseReply) => {
        if (m.type !== 'ready') return;
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', () => reject(new Error('the recognition worker stopped while starting')));
    });
    return this.ready;
  }

  private stop(): void {
    void this.worker?.terminate();
    this.worker = null;
    this.ready = null;
  }

  private async run(text: string): Promise<Recognised> {
    if (this.idle) clearTimeout(this.idle);
    try {
      await this.start();
    } catch (err) {
      this.stop();
      return { failed: `recognition could not start: ${(err as Error).message}` };
    }
    const worker = this.worker!;
    const id = this.next++;
    const time = this.options.time ?? TIME;
    const limitMs = time.baseMs + (text.length / 1024 / 1024) * time.perMbMs;
    const result = await new Promise<Recognised>((resolve) => {
      const finish = (r: Recognised) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(r);
      };
      const onMessage = (m: RecogniseReply) => {
        if (m.type === 'done' && m.id === id) finish({ found: m.found });
        if (m.type === 'failed' && m.id === id) finish({ failed: m.message });
      };
      const onError = (err: Error) =>
        finish({ failed: (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `recognition ran out of memory (the limit is ${this.options.maxHeapMb ?? MAX_HEAP_MB} MB)` : `recognition crashed: ${err.message}` });
      const onExit = () => finish({ failed: 'recognition stopped unexpectedly' });
      const timer = setTimeout(() => finish({ failed: `recognition took longer than ${Math.round(limitMs / 1000)} s` }), limitMs);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, text } satisfies RecogniseRequest);
    });
    // A failed worker (out of memory, stuck) is not reused.
    if ('failed' in result) this.stop();
    else this.idle = setTimeout(() => this.stop(), IDLE_MS);
    this.idle?.unref?.();
    return result;
  }
}

let shared: Recogniser | null | undefined;

/**
 * The process's recogniser, or null when worker threads are turned off
 * (SOURCEBOOK_IMPORT_WORKERS=0, as for parsing): names are then recognised on this thread,
 * in chunks.
 */
export function sharedRecogniser(): Recogniser | null {
  if (shared === undefined) shared = process.env.SOURCEBOOK_IMPORT_WORKERS === '0' ? null : new Recogniser();
  return shared;
}

/** Recognises through the worker when there is one, else here. */
export async function recogniseOffThread(text: string): Promise<Recognised> {
  const recogniser = sharedRecogniser();
  if (recogniser) return recogniser.recognise(text);
  try {
    return { found: recogniseText(text) };
  } catch (err) {
    return { failed: (err as Error).message };
  }
}
