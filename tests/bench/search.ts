// npm run bench:search — the app's search on workspaces of 10,000 and 50,000 generated
// articles (imported through the app's importer, tests/bench/bigWorkspace.ts), query by
// query beside its floor on the same file in the same run: the raw FTS5 query a person
// could write by hand, `MATCH … ORDER BY rank LIMIT 20` with a snippet. Where ripgrep is
// installed, a scan of the same texts as files (`rg -l -i`) is timed too.
// The queries: a common word, rare words, two words, a phrase, a name, each prefix of a
// word as it is typed (the app's search-as-you-type), and a submitted query.
// Figures, not a test: p50 and p95 over ROUNDS runs, queries taken in turn with the floor
// so a burst of other work falls on both. BENCH_SIZES, BENCH_ROUNDS, BENCH_FRESH change it.
// Then the multilingual corpus (tests/bench/multilingual.ts): recall across scripts, target
// 100%; BENCH_MULTILINGUAL articles per script (default 250; 0 leaves it out).
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openWorkspace } from '../../db/workspace';
import { search } from '../../electron/services/search';
import { benchDir, bigWorkspace, generatedArticles, type GeneratedFile } from './bigWorkspace';
import { multilingualRecall } from './multilingual';

const SIZES = (process.env.BENCH_SIZES ?? '10000,50000').split(',').map(Number).filter((n) => n > 0);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25);
const LIMIT = 20;

interface Query {
  label: string;
  /** What the person types. */
  input: string;
  /** Typed into the search box, still being typed (its last word is a prefix). */
  asYouType?: boolean;
  /** The hand-written FTS5 expression that finds the same. */
  fts: string;
}

const QUERIES: Query[] = [
  { label: 'common word', input: 'containers', fts: 'containers' },
  { label: 'common word 2', input: 'customs', fts: 'customs' },
  { label: 'rare word (a number)', input: '4711', fts: '4711' },
  { label: 'rare word (a title number)', input: '31337', fts: '31337' },
  { label: 'two words', input: 'customs seizure', fts: 'customs seizure' },
  { label: 'two words, both common', input: 'harbour board', fts: 'harbour board' },
  { label: 'phrase', input: '"change of ownership"', fts: '"change of ownership"' },
  { label: 'phrase, common', input: '"the port authority"', fts: '"the port authority"' },
  { label: 'name', input: 'Kovalenko', fts: 'Kovalenko' },
  { label: 'name, two words', input: 'Amara Okoye', fts: 'Amara Okoye' },
  { label: 'three words', input: 'inspection backlog Sandmere', fts: 'inspection backlog Sandmere' },
  { label: 'typing "s"', input: 's', asYouType: true, fts: 's*' },
  { label: 'typing "se"', input: 'se', asYouType: true, fts: 'se*' },
  { label: 'typing "sei"', input: 'sei', asYouType: true, fts: 'sei*' },
  { label: 'typing "seiz"', input: 'seiz', asYouType: true, fts: 'seiz*' },
  { label: 'typing "seizure"', input: 'seizure', asYouType: true, fts: 'seizure*' },
  { label: 'typing "customs s"', input: 'customs s', asYouType: true, fts: 'customs s*' },
  { label: 'typing "customs sei"', input: 'customs sei', asYouType: true, fts: 'customs sei*' },
  { label: 'typing "k"', input: 'k', asYouType: true, fts: 'k*' },
  { label: 'typing "ko"', input: 'ko', asYouType: true, fts: 'ko*' },
  { label: 'no match', input: 'zyxwvut', fts: 'zyxwvut' },
];

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const geomean = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

/** The texts as files on disk, for ripgrep. */
function filesOnDisk(files: GeneratedFile[]): string {
  const dir = join(benchDir(), `rg-${files.length}`);
  if (existsSync(join(dir, 'done'))) return dir;
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
  writeFileSync(join(dir, 'done'), '');
  return dir;
}

const hasRg = spawnSync('rg', ['--version']).status === 0;

async function main() {
  for (const n of SIZES) {
    const files = generatedArticles(n);
    const { path } = await bigWorkspace('scale', files);
    const db = openWorkspace(path);
    const raw = new Database(path, { readonly: true });
    const floorStmt = raw.prepare(`SELECT rowid, snippet(sources_fts, 1, '[', ']', '…', 16) AS snippet FROM sources_fts WHERE sources_fts MATCH ? ORDER BY rank LIMIT ${LIMIT}`);
    const app = (q: Query) => search(db, q.input, { limit: LIMIT, asYouType: q.asYouType });
    // Warm the page cache and the statements on both sides.
    for (const q of QUERIES) {
      app(q);
      floorStmt.all(q.fts);
    }
    const times = QUERIES.map(() => ({ app: [] as number[], floor: [] as number[] }));
    for (let r = 0; r < ROUNDS; r++) {
      QUERIES.forEach((q, i) => {
        let t0 = performance.now();
        app(q);
        times[i].app.push(performance.now() - t0);
        t0 = performance.now();
        floorStmt.all(q.fts);
        times[i].floor.push(performance.now() - t0);
      });
    }
    const docs = (fts: string) => (raw.prepare('SELECT count(*) FROM sources_fts WHERE sources_fts MATCH ?').pluck().get(fts) as number);
    console.log(`\nbench:search — ${n.toLocaleString('en')} sources; p50 / p95 of ${ROUNDS} runs; floor = raw FTS5 MATCH … ORDER BY rank LIMIT ${LIMIT} with snippet`);
    console.log(`${'query'.padEnd(30)} ${'matches'.padStart(8)} ${'app p50'.padStart(9)} ${'p95'.padStart(8)} ${'floor p50'.padStart(10)} ${'p95'.padStart(8)} ${'×p50'.padStart(6)} ${'×p95'.padStart(6)}`);
    const r50: number[] = [];
    const r95: number[] = [];
    QUERIES.forEach((q, i) => {
      const [a50, a95, f50, f95] = [percentile(times[i].app, 50), percentile(times[i].app, 95), percentile(times[i].floor, 50), percentile(times[i].floor, 95)];
      r50.push(a50 / f50);
      r95.push(a95 / f95);
      console.log(
        `${q.label.padEnd(30)} ${String(docs(q.fts)).padStart(8)} ${a50.toFixed(2).padStart(9)} ${a95.toFixed(2).padStart(8)} ${f50.toFixed(2).padStart(10)} ${f95.toFixed(2).padStart(8)} ${(a50 / f50).toFixed(2).padStart(6)} ${(a95 / f95).toFixed(2).padStart(6)}`,
      );
    });
    const typing = QUERIES.map((q, i) => (q.asYouType ? percentile(times[i].app, 95) : 0)).filter((x) => x > 0);
    console.log(`geomean ratio p50 ${geomean(r50).toFixed(2)}×, p95 ${geomean(r95).toFixed(2)}×; worst p95 ${Math.max(...r95).toFixed(2)}×   target p95 ≤ 1.5× on every query`);
    console.log(`slowest keystroke (p95 of search-as-you-type queries): ${Math.max(...typing).toFixed(1)} ms   target ≤ 50 ms at 50,000`);
    if (hasRg) {
      const dir = filesOnDisk(files);
      const rg = QUERIES.filter((q) => !q.asYouType && !q.input.includes('"')).map((q) => {
        const pattern = q.input.split(/\s+/)[0];
        const t0 = performance.now();
        spawnSync('rg', ['-l', '-i', '-w', pattern, dir], { stdio: 'ignore' });
        return { q, ms: performance.now() - t0, app: percentile(times[QUERIES.indexOf(q)].app, 50) };
      });
      console.log(`ripgrep over the same ${n.toLocaleString('en')} files (first word, -l -i -w): median ${percentile(rg.map((x) => x.ms), 50).toFixed(0)} ms; the app is ${geomean(rg.map((x) => x.ms / x.app)).toFixed(0)}× faster (geomean)   target ≥ 10× at 50,000`);
    } else console.log('ripgrep (rg) is not installed: no scan figure.');
    raw.close();
    db.close();
  }
  const perScript = Number(process.env.BENCH_MULTILINGUAL ?? 250);
  if (perScript > 0) await multilingualRecall(perScript);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
