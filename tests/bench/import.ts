// npm run bench:import — imports a generated mixed corpus of 2,000 articles (plain text,
// Markdown, HTML; ~10 MB) into a fresh workspace file, as the command line does (each
// file its own savepoint, committed in batches), and compares, in the same run:
//   plain text against its floor: the same normalized texts inserted into the same tables
//     and FTS index in one raw transaction;
//   HTML against the extraction libraries alone on the same files (linkedom + Readability,
//     text out, no storage).
// Figures, not a test: the machine is shared and noisy. Targets are printed beside them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { openWorkspace } from '../../db/workspace';
import { insertSource } from '../../db/sources';
import { importAll, type ImportInput } from '../../electron/services/importer';
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

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

const dir = mkdtempSync(join(tmpdir(), 'sourcebook-bench-'));
const fresh = (name: string) => openWorkspace(join(dir, name));

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
let round = 0;

/**
 * The best of ROUNDS runs (each on fresh state from `setup`): on a shared machine the
 * minimum is the figure least disturbed by other work; both sides of a ratio get it.
 */
async function timed<T>(fn: () => Promise<T> | T, setup?: () => void): Promise<[T, number]> {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < ROUNDS; i++) {
    setup?.();
    const t0 = performance.now();
    value = await fn();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return [value, best];
}

async function main() {
  // Warm up the code paths (JIT, module loading) on a few files, outside the figures.
  const warm = fresh('warm.sqlite');
  await importAll(warm, inputs().slice(0, 30));
  warm.close();

  // 1. The whole mixed corpus, through the real importer (one transaction per file).
  let db = fresh(`mixed-${round++}.sqlite`);
  const [report, mixedSeconds] = await timed(
    () => importAll(db, inputs(), { exclusive: true }),
    () => {
      db.close();
      db = fresh(`mixed-${round++}.sqlite`);
    },
  );
  db.close();
  if (report.imported.length !== N) throw new Error(`imported ${report.imported.length} of ${N}: ${JSON.stringify(report.failed.slice(0, 3))}`);

  // 2. Plain text alone through the importer vs the floor.
  let textDb = fresh(`text-${round++}.sqlite`);
  const [, textSeconds] = await timed(
    () => importAll(textDb, inputs('text'), { exclusive: true }),
    () => {
      textDb.close();
      textDb = fresh(`text-${round++}.sqlite`);
    },
  );
  textDb.close();
  const texts = await Promise.all(files.filter((f) => f.kind === 'text').map(async (f) => ({ f, doc: await parseDocument(f.name, f.bytes) })));
  let floorDb = fresh(`floor-${round++}.sqlite`);
  const [, floorSeconds] = await timed(
    () =>
      floorDb.transaction(() => {
        for (const { f, doc } of texts) insertSource(floorDb, { ...doc.meta, format: 'text', originalName: f.name, text: doc.text, original: f.bytes });
      })(),
    () => {
      floorDb.close();
      floorDb = fresh(`floor-${round++}.sqlite`);
    },
  );
  floorDb.close();

  // 3. HTML alone through the importer vs the libraries alone.
  let htmlDb = fresh(`html-${round++}.sqlite`);
  const [, htmlSeconds] = await timed(
    () => importAll(htmlDb, inputs('html'), { exclusive: true }),
    () => {
      htmlDb.close();
      htmlDb = fresh(`html-${round++}.sqlite`);
    },
  );
  htmlDb.close();
  const htmlFiles = files.filter((f) => f.kind === 'html');
  const [, libSeconds] = await timed(() => {
    let chars = 0;
    for (const f of htmlFiles) {
      const { document } = parseHTML(f.bytes.toString('utf8'));
      const parsed = new Readability(document as unknown as Document).parse();
      chars += parsed?.textContent?.length ?? 0;
    }
    return chars;
  });

  clearInterval(sampler);
  const mb = totalBytes / 1024 / 1024;
  const row = (label: string, value: string, target = '') => console.log(`${label.padEnd(44)} ${value.padStart(14)}   ${target}`);
  console.log(`\nbench:import — ${N} articles, ${mb.toFixed(1)} MB (text/markdown/html in turn); each time the best of ${ROUNDS} runs\n`);
  row('mixed corpus through the importer', `${(N / mixedSeconds).toFixed(0)} articles/s`, `${mixedSeconds.toFixed(2)} s, ${(mb / mixedSeconds).toFixed(1)} MB/s`);
  row('plain text: importer', `${textSeconds.toFixed(2)} s`);
  row('plain text: floor (raw inserts + FTS, one tx)', `${floorSeconds.toFixed(2)} s`);
  row('plain text ratio importer / floor', `${(textSeconds / floorSeconds).toFixed(2)}×`, 'target ≤ 2×');
  row('HTML: importer', `${htmlSeconds.toFixed(2)} s`);
  row('HTML: linkedom + Readability alone', `${libSeconds.toFixed(2)} s`);
  row('HTML ratio importer / libraries', `${(htmlSeconds / libSeconds).toFixed(2)}×`, 'target ≤ 1.3×');
  row('peak memory (RSS)', `${(peakRss / 1024 / 1024).toFixed(0)} MB`, 'target < 500 MB');
  rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
  console.error(err);
  process.exit(1);
});
