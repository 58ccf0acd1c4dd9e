// A small pool of parse workers (parseWorker.ts): the importer hands it files and gets
// their ParseOutcomes back, while it stores earlier files on its own thread. Parsing is
// the expensive half of an import (a large page or PDF takes seconds); off the main
// thread it no longer blocks the app's other requests, and it overlaps the SQLite writes.
//
// Hostile files: a worker that crashes on a file (out of memory against its heap limit,
// an uncaught error) or takes far too long on it is ended; that one file gets a "failed"
// outcome saying why, the files queued behind it go to a fresh worker. If no worker can be
// started at all (the worker script is missing, a runtime without worker threads), files
// are parsed on this thread instead, silently: the command line's stdout carries JSON.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CANCELLED, parseToOutcome, type ParseOutcome } from './parseOutcome';
import type { ParseRequest, WorkerMessage } from './parseWorker';
import type { ParseOptions } from './parse';
import type { OcrRequest } from '../../../common/ocr';
import type { ParseProgress } from './format';

export interface ParsePoolOptions {
  /**
   * Worker threads. Default: one per core but this thread's, yet at least 2 (the importing
   * thread mostly waits on them: storing a file takes a fraction of parsing it; with one
   * worker on two cores, the second core idles half the time), at most 3 (each holds its
   * own heap, ~100 MB in a long import), and never more than there are cores.
   */
  size?: number;
  /** Heap limit of each worker in MB: a file needing more fails alone (default 2048). */
  maxHeapMb?: number;
  /**
   * Limit, in MB, of the memory a worker holds outside its heap (ArrayBuffers: what a
   * decompressor inflates into), which the heap limit does not count: a PDF whose stream
   * inflates to gigabytes fails alone once its worker holds more (default 1024). Watched
   * every MEMORY_WATCH_MS while a worker parses.
   */
  maxExternalMb?: number;
  /** How long one file may take before it fails: `base` + `perMb` per MB of file. */
  timeout?: { baseMs: number; perMbMs: number };
  /** Workers with nothing to do end after this long (default 30 s); the next file starts them again. */
  idleMs?: number;
}

/**
 * Files sent to one worker ahead of its answers: it goes on to the next file without
 * waiting for this thread, which may be busy storing (or, on a loaded machine, not
 * scheduled) for several of its files' worth of time.
 */
const DEPTH = 4;
const DEFAULT_TIMEOUT = { baseMs: 60_000, perMbMs: 10_000 };
/** How often a busy worker's memory outside its heap is looked at. */
const MEMORY_WATCH_MS = 200;
/** A worker not loaded by then never will be (its loader is stuck): files are parsed here. */
const STARTUP_TIMEOUT_MS = 30_000;
/**
 * A worker's stack: the main thread's (V8's default 984 KB, or --stack-size) plus the
 * 192 KB Node keeps back in a worker. The same stack gives the same results: a page
 * nested (or spread) too deep to parse on the main thread fails in a worker too, rather
 * than depending on where it was parsed. (A worker's default, 4 MB, would take more.)
 */
const STACK_SIZE_MB = (Number(/--stack-size=(\d+)/.exec(process.execArgv.join(' '))?.[1] ?? 984) + 192) / 1024;

interface Job {
  id: number;
  name: string;
  bytes: Uint8Array;
  ocr?: OcrRequest;
  progress?: (progress: ParseProgress) => void;
  resolve(outcome: ParseOutcome): void;
}

/** What one file's parsing may be given besides its bytes: OCR settings, a progress callback, a signal to cancel it. */
export type PoolParseOptions = ParseOptions;

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Sent to this worker and not answered yet, in order: the first is the one it is parsing. */
  inflight: Job[];
  /** Until it is ready, its time to start; then the time limit of the file it is parsing. */
  timer: ReturnType<typeof setTimeout> | null;
  /** The file it was stopped on for taking too long (it may still answer as it is ended). */
  stalledOn: Job | null;
  /** Why we ended it, if we did. */
  endedBecause: string | null;
  /** While it parses: the timer looking at its memory outside the heap. */
  watch: ReturnType<typeof setInterval> | null;
  error: Error | null;
}

export class ParsePool {
  readonly size: number;
  private readonly maxHeapMb: number;
  private readonly maxExternalMb: number;
  private readonly timeout: { baseMs: number; perMbMs: number };
  private readonly idleMs: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  /** Set when no worker could be started: files are parsed on this thread from then on. */
  private fallbackReason: string | null = null;

  constructor(options: ParsePoolOptions = {}) {
    const cores = availableParallelism();
    this.size = Math.max(1, Math.floor(options.size ?? Math.min(cores, 3, Math.max(2, cores - 1))));
    this.maxHeapMb = options.maxHeapMb ?? 2048;
    this.maxExternalMb = options.maxExternalMb ?? 1024;
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT;
    this.idleMs = options.idleMs ?? 30_000;
  }

  /** How many files it takes at once and keeps every worker busy with. */
  get capacity(): number {
    return this.size * DEPTH;
  }

  /** Where files are parsed: in worker threads, or on this thread (and why). */
  get mode(): { workers: number } | { inThread: string } {
    return this.fallbackReason === null ? { workers: this.size } : { inThread: this.fallbackReason };
  }

  /**
   * Parses one file off this thread. Never rejects: a crash or timeout is an 'error'
   * outcome, a cancel (options.signal) a 'skip' with the reason CANCELLED: a file waiting
   * is dropped, one being parsed has its worker ended (the files behind it go to another).
   */
  parse(name: string, bytes: Uint8Array, options: PoolParseOptions = {}): Promise<ParseOutcome> {
    const { signal } = options;
    if (signal?.aborted) return Promise.resolve({ kind: 'skip', reason: CANCELLED });
    if (this.fallbackReason !== null || cheaperHere(name, bytes)) return parseToOutcome(name, bytes, options);
    return new Promise((resolve) => {
      const onAbort = () => this.cancel(job);
      const job: Job = {
        id: this.nextId++,
        name,
        bytes,
        ocr: options.ocr,
        progress: options.progress,
        resolve: (outcome) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(outcome);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(job);
      this.pump();
    });
  }

  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      job.resolve({ kind: 'skip', reason: CANCELLED });
      return;
    }
    const slot = this.slots.find((s) => s.inflight.includes(job));
    if (!slot) return; // answered already
    if (slot.inflight[0] === job) {
      slot.stalledOn = job;
      slot.endedBecause = CANCELLED;
      void slot.worker.terminate();
    } else {
      slot.worker.postMessage({ cancel: job.id } satisfies ParseRequest);
    }
  }

  /** Ends every worker now. Files waiting or being parsed are parsed on this thread instead. */
  async close(): Promise<void> {
    this.clearIdle();
    const slots = this.slots.splice(0);
    for (const slot of slots) this.queue.unshift(...slot.inflight.splice(0));
    for (const slot of slots) slot.endedBecause = 'closed';
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    this.parseHereInstead(this.fallbackReason);
  }

  /** Sends queued files to workers with room, starting workers as needed. */
  private pump(): void {
    if (this.fallbackReason !== null) return this.parseHereInstead(this.fallbackReason);
    this.clearIdle();
    while (this.queue.length) {
      const free = this.slots.filter((s) => s.ready && !s.endedBecause && s.inflight.length < DEPTH).sort((a, b) => a.inflight.length - b.inflight.length)[0];
      if (free) {
        this.send(free, this.queue.shift()!);
        continue;
      }
      // Start another worker only when those starting cannot take the queue.
      const starting = this.slots.filter((s) => !s.ready).length;
      if (this.slots.length < this.size && starting * DEPTH < this.queue.length) {
        if (!this.spawn()) return;
        continue;
      }
      break;
    }
    if (this.slots.every((s) => s.inflight.length === 0) && this.queue.length === 0) this.startIdle();
  }

  private send(slot: Slot, job: Job): void {
    slot.inflight.push(job);
    if (slot.inflight.length === 1) this.armTimer(slot);
    slot.worker.ref(); // an import waits on it: keep the process alive until it answers
    // A compact copy, handed over rather than cloned again: the caller keeps its bytes
    // (they are stored as the original), and a retry after a crash sends them again.
    const copy = new Uint8Array(job.bytes);
    slot.worker.postMessage({ id: job.id, name: job.name, bytes: copy, ...(job.ocr ? { ocr: job.ocr } : {}) } satisfies ParseRequest, [copy.buffer]);
  }

  /** Starts a worker; false if none can be (then everything is parsed on this thread). */
  private spawn(): boolean {
    let worker: Worker;
    try {
      worker = new Worker(workerScript(), {
        // Not the parent's loader flags (tsx's, vitest's): the script sets up what it needs.
        execArgv: [],
        resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb, stackSizeMb: STACK_SIZE_MB },
      });
    } catch (err) {
      this.parseHereInstead(`worker threads unavailable: ${(err as Error).message}`);
      return false;
    }
    const slot: Slot = { worker, ready: false, inflight: [], timer: null, stalledOn: null, endedBecause: null, watch: null, error: null };
    this.slots.push(slot);
    slot.timer = setTimeout(() => {
      slot.error = new Error(`it was not ready after ${STARTUP_TIMEOUT_MS / 1000} s`);
      void worker.terminate();
    }, STARTUP_TIMEOUT_MS);
    slot.timer.unref();
    worker.on('message', (message: WorkerMessage) => this.onMessage(slot, message));
    worker.on('error', (err) => (slot.error = err));
    worker.on('exit', (code) => this.onExit(slot, code));
    return true;
  }

  private onMessage(slot: Slot, message: WorkerMessage): void {
    if (message.type === 'ready') {
      slot.ready = true;
      this.disarmTimer(slot);
    } else if (message.type === 'progress') {
      // A page read: the time limit starts again for the next (OCR takes seconds a page).
      const job = slot.inflight[0];
      if (job?.id !== message.id) return;
      this.disarmTimer(slot);
      this.armTimer(slot);
      job.progress?.(message.progress);
      return;
    } else {
      // Answers come in the order the files were sent (the worker parses one at a time).
      const job = slot.inflight.shift();
      this.disarmTimer(slot);
      if (slot.inflight.length) this.armTimer(slot);
      else slot.worker.unref();
      job?.resolve(message.outcome);
    }
    this.pump();
  }

  private onExit(slot: Slot, code: number): void {
    this.disarmTimer(slot);
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    if (slot.endedBecause === 'closed' || slot.endedBecause === 'idle') return;
    if (!slot.ready) {
      // It never loaded: no worker will (a missing script, a broken install). Parse here.
      this.queue.unshift(...slot.inflight.splice(0));
      this.parseHereInstead(`the parse worker did not start: ${slot.error?.message ?? `exit code ${code}`}`);
      return;
    }
    // It was parsing the first file it had been sent: that file is the cause. The others
    // had not started; they go back to the front of the queue, in order. (Stopped for
    // taking too long, the file may have answered just before the end: then none is.)
    const left = slot.inflight.splice(0);
    const culprit = slot.stalledOn ? (left[0] === slot.stalledOn ? left.shift() : undefined) : left.shift();
    this.queue.unshift(...left);
    culprit?.resolve(
      slot.endedBecause === CANCELLED ? { kind: 'skip', reason: CANCELLED } : { kind: 'error', message: slot.endedBecause ?? crashMessage(slot.error, code, this.maxHeapMb) },
    );
    this.pump();
  }

  private armTimer(slot: Slot): void {
    const job = slot.inflight[0];
    const ms = this.timeout.baseMs + (job.bytes.length / 1024 / 1024) * this.timeout.perMbMs;
    slot.timer = setTimeout(() => {
      slot.stalledOn = job;
      slot.endedBecause = `parsing took longer than ${formatSeconds(ms)} and was stopped: the file may be damaged or built to stall a parser`;
      void slot.worker.terminate();
    }, ms);
    slot.timer.unref(); // the worker, ref'd while busy, keeps the process alive
    this.watchMemory(slot, job);
  }

  private disarmTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (slot.watch) clearInterval(slot.watch);
    slot.watch = null;
  }

  /**
   * Looks at the worker's memory outside its heap while it parses (the heap limit does not
   * count ArrayBuffers, which is what a decompression bomb fills): over the limit, the
   * worker is ended and the file it parses fails. The question reaches the worker even in
   * the middle of a long synchronous loop (V8 interrupts it to answer).
   */
  private watchMemory(slot: Slot, job: Job): void {
    const worker = slot.worker as Worker & { getHeapStatistics?: () => Promise<{ external_memory?: number }> };
    if (typeof worker.getHeapStatistics !== 'function') return; // a runtime without it: the time limit still applies
    const limit = this.maxExternalMb * 1024 * 1024;
    let asking = false;
    slot.watch = setInterval(() => {
      if (asking || slot.endedBecause) return;
      asking = true;
      worker.getHeapStatistics!().then(
        (stats) => {
          asking = false;
          if (slot.inflight[0] !== job || slot.endedBecause || (stats.external_memory ?? 0) <= limit) return;
          slot.stalledOn = job;
          slot.endedBecause = `parsing ran out of memory (the limit is ${this.maxExternalMb} MB of buffers per file): the file may be damaged or built to exhaust a parser (a decompression bomb)`;
          void worker.terminate();
        },
        () => (asking = false),
      );
    }, MEMORY_WATCH_MS);
    slot.watch.unref();
  }

  private startIdle(): void {
    if (this.idleTimer || this.slots.length === 0) return;
    for (const slot of this.slots) slot.worker.unref();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      for (const slot of this.slots.splice(0)) {
        slot.endedBecause = 'idle';
        void slot.worker.terminate();
      }
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private parseHereInstead(reason: string | null): void {
    if (reason !== null) this.fallbackReason = reason;
    for (const job of this.queue.splice(0)) void parseToOutcome(job.name, job.bytes, { ocr: job.ocr, progress: job.progress }).then(job.resolve);
    // Workers still parsing finish their files; those with none left are of no more use.
    if (this.fallbackReason !== null) {
      for (const slot of this.slots.filter((s) => s.inflight.length === 0)) {
        slot.endedBecause = 'closed';
        void slot.worker.terminate();
      }
    }
  }
}

/**
 * A plain-text file of up to 1 MB is decoded and normalized (~10 ms at most) for less than
 * it costs to hand it to a worker and take the result back, and it would only keep a
 * worker from the files that need one; it is parsed on this thread. (The same parser
 * either way: the results do not depend on where.)
 */
const CHEAP_TEXT = /\.te?xt$/i;
function cheaperHere(name: string, bytes: Uint8Array): boolean {
  return bytes.length <= 1024 * 1024 && CHEAP_TEXT.test(name);
}

/**
 * The worker's script. Bundled (the Electron build), this module is out/main/index.cjs
 * and the worker is built beside it as parseWorker.cjs (electron.vite.config.ts). From
 * source (tsx, vitest), the worker is TypeScript: a bootstrap registers tsx and loads it.
 */
function workerScript(): URL {
  const here = import.meta.url;
  const script = /\.ts$/.test(new URL(here).pathname) ? './parseWorkerBoot.mjs' : './parseWorker.cjs';
  return new URL(script, here);
}

function crashMessage(error: Error | null, code: number, maxHeapMb: number): string {
  if ((error as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return `parsing ran out of memory (the limit is ${maxHeapMb} MB per file): the file may be damaged or built to exhaust a parser`;
  }
  if (error) return `the parser crashed on this file: ${error.message}`;
  return `the parser stopped unexpectedly on this file (exit code ${code})`;
}

function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

let shared: ParsePool | null | undefined;

/**
 * The process's pool, started on first use, or null when parsing in worker threads is
 * turned off: SOURCEBOOK_IMPORT_WORKERS=0 parses on the importing thread (as before the
 * pool existed); a positive number sets how many workers (default: see ParsePoolOptions).
 */
export function sharedParsePool(): ParsePool | null {
  if (shared === undefined) {
    const setting = process.env.SOURCEBOOK_IMPORT_WORKERS?.trim();
    const size = setting ? Number(setting) : undefined;
    shared = size === 0 ? null : new ParsePool(size !== undefined && Number.isInteger(size) && size > 0 ? { size } : {});
  }
  return shared;
}
