// npm run bench:import — imports a generated mixed corpus of 2,000 articles (plain text,
// Markdown, HTML; ~10 MB) into a fresh workspace file, as the command line does (each
// file its own savepoint, committed in batches, parsed in the worker pool while earlier
// files are stored), and compares, in the same run:
//   plain text against its floor: the same normalized texts streamed into a bare FTS5
//     table (FTS5 keeping its own copy, the same tokenizer) in one transaction — what a
//     person could do with SQLite alone;
//   HTML against the extraction libraries alone on the same files (linkedom + Readability,
//     text out, no storage, one thread).
// Both also run through the importer with workers turned off (`workers: false`: each file
// parsed on the importing thread, then stored), so what the pipeline buys is in view.
// Wall-clock throughout: the pipeline's gain is parsing on another core while this one
// writes, so on a machine whose cores are busy with other work it shrinks (the parse
// workers line says how many there were).
// Figures, not a test: the machine is shared and noisy. Targets are printed beside them.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { openWorkspace } from '../../db/workspace';
import Database from 'better-sqlite3';
import { importAll, type ImportAllOptions, type ImportInput } from '../../electron/services/importer';
import { sharedParsePool } from '../../electron/services/import/parsePool';
import { parseDocument } from '../../electron/services/import/parse';
import { article, asHtml, asMarkdown, asText, prng } from './corpus';

const N = Number(process.env.BENCH_ARTICLES ?? 2000);
const rand = prng(20261121);
const files: { name: string; bytes: Buffer; kind: 'text' | 'markdown' | 'html' }[] = [];
for (let i = 0; i < N; i++) {
  const a = article(rand, i, 600 + Math.floor(rand() * 300));
  const kind = (['text', 'markdown', 'html'] as const)[i % 3];
  const body = kind === 'text' ? asText(a) : kind === 'markdown' ? asMarkdown(a) : asHtml(a, i);
  files.push({ name: `article-${i}.${kind === 'text' ? 'txt' : kind === 'markdown' ? 'md' : 'html'}`, bytes: Buffer.from(body), kind });
}
const totalBytes = files.reduce((n, f) => n + f.bytes.length, 0);
const inputs = (kind?: string): ImportInput[] =>
  files.filter((f) => !kind || f.kind === kind).map((f) => ({ path: f.name, name: f.name, size: f.bytes.length, read: () => f.bytes }));

/**
 * The process's peak resident memory so far (the kernel's high-water mark, workers'
 * threads included). Not sampled with a timer: an import parsing on the main thread never
 * lets a timer run, so sampling missed its peaks.
 */
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

const dir = mkdtempSync(join(tmpdir(), 'sourcebook-bench-'));
const fresh = (name: string) => openWorkspace(join(dir, name));

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
let round = 0;

interface Run {
  fn: () => unknown;
  /** Fresh state before each round, outside the time. */
  setup?: () => void;
}

/**
 * The best of ROUNDS runs of each, taken in turn (a, b, c, a, b, c, …) so that a burst of
 * other work on a shared machine falls on all of them alike; the minimum is the figure
 * least disturbed by other work, and both sides of a ratio get it.
 */
async function timed<K extends string>(runs: Record<K, Run>): Promise<Record<K, number>> {
  const best = {} as Record<K, number>;
  for (let i = 0; i < ROUNDS; i++) {
    for (const [key, run] of Object.entries(runs) as [K, Run][]) {
      run.setup?.();
      const t0 = performance.now();
      await run.fn();
      best[key] = Math.min(best[key] ?? Infinity, (performance.now() - t0) / 1000);
    }
  }
  return best;
}

/** Imports `kind`'s files into a fresh workspace each round, as the command line does. */
function importRun(label: string, kind: string | undefined, options: ImportAllOptions): Run & { reports: Awaited<ReturnType<typeof importAll>>[] } {
  let db = fresh(`${label}-${round++}.sqlite`);
  const reports: Awaited<ReturnType<typeof importAll>>[] = [];
  return {
    reports,
    setup: () => {
      db.close();
      db = fresh(`${label}-${round++}.sqlite`);
    },
    fn: async () => reports.push(await importAll(db, inputs(kind), { exclusive: true, ...options })),
  };
}

async function main() {
  // Warm up the code paths (JIT, module loading, the workers starting) on a few files,
  // on both paths, outside the figures.
  const warm = fresh('warm.sqlite');
  await importAll(warm, inputs().slice(0, 60));
  const warmHere = fresh('warm-here.sqlite');
  await importAll(warmHere, inputs().slice(0, 60), { workers: false });
  warm.close();
  warmHere.close();

  // 1. The whole mixed corpus, through the real importer (one transaction per file).
  const mixed = importRun('mixed', undefined, {});
  const { mixed: mixedSeconds } = await timed({ mixed });
  for (const report of mixed.reports) {
    if (report.imported.length !== N) throw new Error(`imported ${report.imported.length} of ${N}: ${JSON.stringify(report.failed.slice(0, 3))}`);
  }
  // The memory figure is the importer's (with the corpus held in memory): taken before the
  // comparisons below, whose in-thread runs and libraries-alone runs grow this heap too.
  const mixedPeakMb = peakRssMb();

  // 2. Plain text alone through the importer (workers, and parsed in-thread) vs the floor.
  const texts = files.filter((f) => f.kind === 'text').map((f) => ({ f, doc: parseDocument(f.name, f.bytes) }));
  const bare = (name: string) => new Database(join(dir, name));
  let floorDb = bare(`floor-${round++}.sqlite`);
  const text = await timed({
    workers: importRun('text', 'text', {}),
    inThread: importRun('text-here', 'text', { workers: false }),
    floor: {
      setup: () => {
        floorDb.close();
        floorDb = bare(`floor-${round++}.sqlite`);
      },
      // The floor a person could reach for: the same normalized texts streamed into a bare
      // FTS5 table (its own content, the same tokenizer), one transaction.
      fn: () => {
        floorDb.exec(`CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')`);
        const insert = floorDb.prepare('INSERT INTO docs (title, body) VALUES (?, ?)');
        floorDb.transaction(() => {
          for (const { doc } of texts) insert.run(doc.meta.title, doc.text);
        })();
      },
    },
    // Not a floor, an explanation: the same insert into a table shaped as the app's
    // (the first-letter prefix index search-as-you-type needs, a WAL journal), so the
    // share of the gap that those two choices cost is in view.
    appShaped: {
      setup: () => {
        floorDb.close();
        floorDb = bare(`shaped-${round++}.sqlite`);
        floorDb.pragma('journal_mode = WAL');
        floorDb.pragma('synchronous = NORMAL');
      },
      fn: () => {
        floorDb.exec(`CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1')`);
        const insert = floorDb.prepare('INSERT INTO docs (title, body) VALUES (?, ?)');
        floorDb.transaction(() => {
          for (const { doc } of texts) insert.run(doc.meta.title, doc.text);
        })();
      },
    },
  });
  floorDb.close();

  // 3. HTML alone through the importer (workers, and parsed in-thread) vs the libraries alone.
  const htmlFiles = files.filter((f) => f.kind === 'html');
  const html = await timed({
    workers: importRun('html', 'html', {}),
    inThread: importRun('html-here', 'html', { workers: false }),
    libraries: {
      fn: () => {
        let chars = 0;
        for (const f of htmlFiles) {
          const { document } = parseHTML(f.bytes.toString('utf8'));
          const parsed = new Readability(document as unknown as Document).parse();
          chars += parsed?.textContent?.length ?? 0;
        }
        return chars;
      },
    },
  });

  const pool = sharedParsePool();
  const mode = pool?.mode;
  const workers = !mode ? 'off (SOURCEBOOK_IMPORT_WORKERS=0)' : 'workers' in mode ? `${mode.workers} (${availableParallelism()} cores)` : `none: ${mode.inThread}`;
  const mb = totalBytes / 1024 / 1024;
  const row = (label: string, value: string, target = '') => console.log(`${label.padEnd(48)} ${value.padStart(14)}   ${target}`);
  console.log(`\nbench:import — ${N} articles, ${mb.toFixed(1)} MB (text/markdown/html in turn); each time the best of ${ROUNDS} runs\n`);
  row('parse workers', workers);
  row('mixed corpus through the importer', `${(N / mixedSeconds).toFixed(0)} articles/s`, `${mixedSeconds.toFixed(2)} s, ${(mb / mixedSeconds).toFixed(1)} MB/s`);
  row('plain text: importer', `${text.workers.toFixed(2)} s`);
  row('plain text: importer, parsing in-thread', `${text.inThread.toFixed(2)} s`);
  row('plain text: floor (bare FTS5 insert, one tx)', `${text.floor.toFixed(2)} s`);
  row('plain text ratio importer / floor', `${(text.workers / text.floor).toFixed(2)}×`, 'target ≤ 1.5×');
  row('  the floor with a prefix index and WAL', `${text.appShaped.toFixed(2)} s`, `${(text.appShaped / text.floor).toFixed(2)}× the floor (the app's search table alone)`);
  row('plain text ratio, parsing in-thread / floor', `${(text.inThread / text.floor).toFixed(2)}×`);
  row('HTML: importer', `${html.workers.toFixed(2)} s`);
  row('HTML: importer, parsing in-thread', `${html.inThread.toFixed(2)} s`);
  row('HTML: linkedom + Readability alone', `${html.libraries.toFixed(2)} s`);
  row('HTML ratio importer / libraries', `${(html.workers / html.libraries).toFixed(2)}×`, 'target ≤ 1.3×');
  row('HTML ratio, parsing in-thread / libraries', `${(html.inThread / html.libraries).toFixed(2)}×`);
  row('peak memory to the end of the mixed import', `${mixedPeakMb.toFixed(0)} MB`, 'target < 500 MB (RSS high-water mark, workers included)');
  row('peak memory to the end of the bench', `${peakRssMb().toFixed(0)} MB`, '(all the runs above)');
  rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  rmSync(dir, { recursive: true, force: true });
  console.error(err);
  process.exit(1);
});
