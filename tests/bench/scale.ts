// npm run bench:scale — a workspace of 10,000 and of 50,000 generated articles (imported
// through the app's importer, tests/bench/bigWorkspace.ts), each figure beside its floor
// measured in the same run, and how each grows from the small size to the large one:
//   open       openWorkspace + close            vs a bare better-sqlite3 open + close
//   help       `sourcebook help` as installed   vs a bare `node -e ''`
//   library    one page of the library (sources:page, as the sidebar asks; JSON as it travels)
//   disk       the workspace file                vs an FTS5 table holding the same texts
//   server RSS `sourcebook serve` after the library, a source and searches, vs a fresh workspace
// Figures, not a test: the machine is shared and noisy. Targets are printed beside them.
// BENCH_SIZES=2000,10000 changes the sizes; BENCH_FRESH=1 rebuilds the cached workspaces.
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { openWorkspace, removeWorkspaceFiles } from '../../db/workspace';
import { sessionMarksDir } from '../../db/sessionMarks';
import { createRouter } from '../../electron/ipc/router';
import { openSession } from '../../electron/services/session';
import { benchDir, bigWorkspace, generatedArticles } from './bigWorkspace';

const SIZES = (process.env.BENCH_SIZES ?? '10000,50000').split(',').map(Number);
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const bin = join(root, 'electron', 'cli', 'sourcebook.mjs');

const best = (n: number, fn: () => void): number => {
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
};

async function bestAsync(n: number, fn: () => Promise<void>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

const fileMb = (path: string) => ['', '-wal'].reduce((n, s) => n + (existsSync(path + s) ? statSync(path + s).size : 0), 0) / 1024 / 1024;

/** The same texts in a bare FTS5 table (content stored by FTS5 itself, default tokenizer settings as ours): the disk floor. */
function ftsFloor(workspace: string, label: string): string {
  const path = join(benchDir(), `${label}-fts-floor.sqlite`);
  if (existsSync(path) && process.env.BENCH_FRESH !== '1') return path;
  removeWorkspaceFiles(path);
  const ws = new Database(workspace, { readonly: true });
  const floor = new Database(path);
  floor.exec(`CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')`);
  const insert = floor.prepare('INSERT INTO docs (title, body) VALUES (?, ?)');
  floor.transaction(() => {
    for (const r of ws.prepare(`SELECT s.title, v.text FROM sources s JOIN source_versions v ON v.source_id = s.id AND v.version = s.current_version`).iterate() as Iterable<{ title: string; text: string }>) insert.run(r.title, r.text);
  })();
  floor.close();
  ws.close();
  return path;
}

/** `sourcebook serve` on the workspace; the peak resident memory after it served the library, a source and a few searches. */
async function serverPeakMb(workspace: string): Promise<number> {
  const child = spawn(process.execPath, [bin, '--workspace', workspace, 'serve'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((done, fail) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /Open (http:\/\/\S+)/.exec(out);
      if (m) done(m[1]);
    });
    child.on('exit', (code) => fail(new Error(`serve exited ${code}: ${out}`)));
  });
  const { origin, searchParams } = new URL(url);
  const token = searchParams.get('token')!;
  const call = async (channel: string, payload: unknown) =>
    (await (await fetch(`${origin}/api/${channel}`, { method: 'POST', headers: { 'x-sourcebook-token': token, 'content-type': 'application/json' }, body: JSON.stringify(payload) })).json()) as { ok: boolean; value: unknown };
  const list = (await call('sources:page', { offset: 0, limit: 100, sort: 'added' })) as { value: { rows: { id: string }[] } };
  await call('sources:get', { id: list.value.rows[0].id });
  for (const query of ['containers', 'customs seizure', 's', 'se', 'sei']) await call('search:query', { query });
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  child.kill('SIGTERM');
  return Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
}

const row = (label: string, value: string, floor = '', note = '') => console.log(`${label.padEnd(34)} ${value.padStart(12)} ${floor.padStart(14)}   ${note}`);

async function main() {
  const figures: Record<number, Record<string, number>> = {};
  const nodeBare = best(5, () => spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' }));
  const help = best(5, () => spawnSync(process.execPath, [bin, 'help'], { stdio: 'ignore' }));
  const freshWs = join(benchDir(), 'fresh.sourcebook');
  removeWorkspaceFiles(freshWs);
  openWorkspace(freshWs).close();
  const freshRss = await serverPeakMb(freshWs);

  for (const n of SIZES) {
    const files = generatedArticles(n);
    const { path, importSeconds } = await bigWorkspace('scale', files);
    const floorPath = ftsFloor(path, `scale-${n}`);
    const open = best(10, () => openWorkspace(path).close());
    const bare = best(10, () => new Database(path).close());
    // After a crash (a mark of a process that is gone): the full page check runs once.
    writeFileSync(join(sessionMarksDir(path), `${hostname()}~2147483646~bench`), '');
    const unclean = best(1, () => openWorkspace(path).close());
    const session = await openSession(path, { printer: { print: () => Promise.reject(new Error('no printing here')) } as never, sample: false });
    const route = createRouter(session);
    let bytes = 0;
    // As the transport carries it: the reply turned into JSON.
    const page = await bestAsync(5, async () => void (bytes = JSON.stringify(await route('sources:page', { offset: Math.floor(n / 2), limit: 100, sort: 'title' })).length));
    await session.close();
    const rss = await serverPeakMb(path);
    figures[n] = { open, bare, unclean, page, bytes, disk: fileMb(path), floorDisk: fileMb(floorPath), rss };
    console.log(`\n${n.toLocaleString('en')} sources (${(files.reduce((s, f) => s + f.bytes.length, 0) / 1024 / 1024).toFixed(0)} MB of text)${importSeconds ? `, imported in ${importSeconds.toFixed(1)} s` : ' (cached workspace)'}`);
    row('', 'Sourcebook', 'floor', '');
    row('open a workspace', `${open.toFixed(1)} ms`, `${bare.toFixed(2)} ms`, `${(open / bare).toFixed(0)}×   target ≤ 50 ms, flat in size`);
    row('open after a crash (full check)', `${unclean.toFixed(0)} ms`, '', 'once, when a process died with it open');
    row('a library page (sources:page, 100 rows mid-way by title)', `${page.toFixed(1)} ms`, '', `${(bytes / 1024).toFixed(0)} kB of JSON   target ≤ 20 ms`);
    row('disk', `${figures[n].disk.toFixed(0)} MB`, `${figures[n].floorDisk.toFixed(0)} MB`, `${(figures[n].disk / figures[n].floorDisk).toFixed(2)}×   target ≤ 1.3× (FTS5 table of the same texts)`);
    row('server peak RSS', `${rss.toFixed(0)} MB`, `${freshRss.toFixed(0)} MB`, 'target ≤ 300 MB (floor: a fresh workspace)');
  }
  console.log('');
  row('sourcebook help', `${help.toFixed(0)} ms`, `${nodeBare.toFixed(0)} ms`, `${(help / nodeBare).toFixed(1)}× a bare node -e ''   target ≤ 6×`);
  if (SIZES.length > 1) {
    const [a, b] = [SIZES[0], SIZES[SIZES.length - 1]];
    console.log(`\ngrowth from ${a.toLocaleString('en')} to ${b.toLocaleString('en')} sources (${(b / a).toFixed(0)}× the sources):`);
    for (const key of ['open', 'bare', 'unclean', 'page', 'disk', 'floorDisk', 'rss'] as const) row(`  ${key}`, `${(figures[b][key] / figures[a][key]).toFixed(2)}×`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
