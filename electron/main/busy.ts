// What the app is in the middle of, so quitting asks first. An import from the window is
// one request per file, so "running" lasts a moment past the last request: closing
// between two files of one import still asks.
const LONG_RUNNING: Readonly<Record<string, string>> = {
  'sources:import': 'An import',
  'sources:replace': 'A source replacement',
  'export:pdf': 'An export',
  'export:docx': 'An export',
  'export:html': 'An export',
  'export:md': 'An export',
};

const GRACE_MS = 3000;

export interface BusyTracker {
  around<T>(channel: unknown, run: () => Promise<T>): Promise<T>;
  isBusy(): boolean;
  /** "An import", for the question asked before quitting. */
  describe(): string;
}

export function trackBusy(now: () => number = Date.now): BusyTracker {
  const running = new Map<string, number>();
  let lastKind = 'An import';
  let lastEnded = -Infinity;
  return {
    async around(channel, run) {
      const kind = typeof channel === 'string' ? LONG_RUNNING[channel] : undefined;
      if (!kind) return run();
      running.set(kind, (running.get(kind) ?? 0) + 1);
      lastKind = kind;
      try {
        return await run();
      } finally {
        running.set(kind, running.get(kind)! - 1);
        if (running.get(kind) === 0) running.delete(kind);
        lastEnded = now();
      }
    },
    isBusy: () => running.size > 0 || now() - lastEnded < GRACE_MS,
    describe: () => [...running.keys()][0] ?? lastKind,
  };
}
