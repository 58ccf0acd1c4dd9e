// npm run bench:ui — the library in headless Chromium against the real HTTP server: a
// workspace of BENCH_SOURCES (50,000) generated sources against an empty workspace and
// the 3-source sample, in the same run, each figure beside its target.
//
// The large workspace is generated straight through the store (tests/helpers/library.ts:
// db/sources.ts insertSource and db/excerpts.ts insertExcerpt in one transaction — short
// generated articles, a publisher on 9 in 10, a date on 7 in 8, 1–5 excerpts on 1 in 5),
// not imported: the library's size is what is measured, not an import's work.
//
// In the page, times from navigation start (performance.now()):
//   library painted      the frame after the library first shows a source (or, empty, its
//                        import prompt) has been painted;
//   library interactive  from then, the end of the last long task (≥ 50 ms on the main
//                        thread) before half a second without one (TTI's rule);
//   open a source        click on a row → its text painted in the reader;
//   search               last keystroke of "Kestrava" in the top bar's search → results
//                        painted (the search waits 160 ms for typing to pause);
//   library filter       last keystroke of "kestrava" in the library's filter → the rows it
//                        lets through painted, with their count;
//   scroll               the wheel over the library, 40 notches: frame times p50/p95/max,
//                        and frames showing rows still loading; a jump to the middle (the
//                        scroll bar dragged) and End on the keyboard → rows painted; ↓ →
//                        the list's active row changed (the work a key costs);
//   sources:page         one page of 100 rows through HTTP (JSON as it travels), by order.
// Loads are best of BENCH_ROUNDS (3), each in a fresh browser context (load from elsewhere
// on a shared machine only ever adds time). Figures, not a test.
// Env: BENCH_SOURCES (50000), BENCH_ROUNDS (3), SOURCEBOOK_RENDERER_DIR (a built renderer;
// otherwise built into a temporary folder — point it at another build to compare).
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { buildRenderer, startAppServer, type AppServer } from '../helpers/appServer';
import { launchChromium } from '../helpers/chromium';
import { fillLibrary } from '../helpers/library';
import { tempDir } from '../helpers/tmp';
import { SOURCE_SORTS, SORT_DIRECTIONS } from '../../common/library';

const N = Number(process.env.BENCH_SOURCES ?? 50_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const VIEWPORT = { width: 1440, height: 900 };
/** What shows that the library has been drawn: a loaded row (or, in the app before the windowed list, any row), or the empty library's import prompt. */
const LIBRARY_SHOWN = '.library-row:not(.library-row-loading), .sidebar-library .nav-item, .sidebar-library .sidebar-empty';
const ROWS = '.library-row:not(.library-row-loading), .sidebar-library .nav-item';

type Kind = 'empty' | 'sample' | 'large';

interface Load {
  painted: number;
  interactive: number;
  /** Rows of the library in the page once interactive. */
  rows: number;
}

const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : NaN;
};
const ms = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? `${n.toFixed(0)} ms` : '—');
const ms1 = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');

async function newPage(browser: Browser): Promise<{ page: Page; close(): Promise<void>; errors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // tsx (esbuild keepNames) wraps named functions in __name(); give the page a no-op one.
  await page.addInitScript('window.__name = (f) => f;');
  // Long tasks from the very start of the page.
  await page.addInitScript(`
    window.__long = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.startTime + e.duration); }).observe({ type: 'longtask', buffered: true });`);
  return { page, errors, close: () => context.close() };
}

/** Loads the app and times the library: painted, then interactive. */
async function loadTimes(page: Page, server: AppServer): Promise<Load> {
  await page.goto(server.url, { waitUntil: 'commit' });
  const painted = await page.evaluate(
    (selector) =>
      new Promise<number>((done) => {
        const check = () => (document.querySelector(selector) ? requestAnimationFrame(() => setTimeout(() => done(performance.now()))) : requestAnimationFrame(check));
        check();
      }),
    LIBRARY_SHOWN,
  );
  const interactive = await page.evaluate(
    (painted) =>
      new Promise<number>((done) => {
        const tick = () => {
          const ends = (window as unknown as { __long: number[] }).__long;
          const last = Math.max(painted, ...ends);
          if (performance.now() - last >= 500) done(last);
          else setTimeout(tick, 50);
        };
        tick();
      }),
    painted,
  );
  const rows = await page.evaluate((selector) => document.querySelectorAll(selector).length, ROWS);
  return { painted, interactive, rows };
}

/** Click on the third row of the library → the source's text painted in the reader. */
async function openSource(page: Page): Promise<number> {
  const row = page.locator(ROWS).nth(2);
  const title = (await row.locator('.nav-item-title').textContent())!;
  const done = page.evaluate(
    (title) =>
      new Promise<number>((resolve) => {
        let t0 = 0;
        window.addEventListener('click', (e) => (t0 = e.timeStamp), { capture: true, once: true });
        const check = () => {
          const shown = document.querySelector('.reader .reader-title')?.textContent === title && (document.querySelector('.reader .reader-text')?.textContent ?? '').length > 0;
          if (t0 && shown) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
          else requestAnimationFrame(check);
        };
        check();
      }),
    title,
  );
  await row.click();
  return done;
}

/** Types `text` into `input`; resolves with last keystroke → the frame after `ready` holds, painted. */
async function typeUntil(page: Page, input: string, text: string, ready: string): Promise<number> {
  await page.locator(input).click();
  await page.evaluate(() => {
    const w = window as unknown as { __lastKey: number };
    w.__lastKey = 0;
    window.addEventListener('keydown', (e) => (w.__lastKey = e.timeStamp), { capture: true });
  });
  await page.keyboard.type(text, { delay: 60 });
  return page.evaluate(
    (ready) =>
      new Promise<number>((resolve) => {
        const check = () => (document.querySelector(ready) ? requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - (window as unknown as { __lastKey: number }).__lastKey))) : requestAnimationFrame(check));
        check();
      }),
    ready,
  );
}

interface Scroll {
  frames: number[];
  loadingFrames: number;
  jump: number;
  end: number;
  arrowP95: number;
}

/** Wheel, jump and End over the library (a windowed list), in frames. */
async function scrollTimes(page: Page): Promise<Scroll | null> {
  if ((await page.locator('.library-list').count()) === 0) return null;
  const box = (await page.locator('.library-list').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __loading: number; __watch: boolean };
    w.__frames = [];
    w.__loading = 0;
    w.__watch = true;
    const list = document.querySelector<HTMLElement>('.library-list')!;
    const frame = (t: number) => {
      if (!w.__watch) return;
      w.__frames.push(t);
      const top = list.scrollTop;
      const bottom = top + list.clientHeight;
      for (const row of list.querySelectorAll<HTMLElement>('.library-row-loading')) {
        const y = parseFloat(row.style.top);
        if (y < bottom && y + row.offsetHeight > top) {
          w.__loading++;
          break;
        }
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  for (let i = 0; i < 40; i++) {
    await page.mouse.wheel(0, 360);
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(300);
  const { frames, loading } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __loading: number; __watch: boolean };
    w.__watch = false;
    return { frames: w.__frames.slice(1).map((t, i) => t - w.__frames[i]), loading: w.__loading };
  });

  /** After `act`, the frame in which every row in view is loaded, painted. */
  const rowsPainted = (act: string) =>
    page.evaluate(
      (act) =>
        new Promise<number>((resolve) => {
          const list = document.querySelector<HTMLElement>('.library-list')!;
          const t0 = performance.now();
          if (act === 'jump') list.scrollTop = list.scrollHeight / 2;
          const check = () => {
            const top = list.scrollTop;
            const bottom = top + list.clientHeight;
            const rows = [...list.querySelectorAll<HTMLElement>('.library-row')].filter((r) => parseFloat(r.style.top) < bottom && parseFloat(r.style.top) + r.offsetHeight > top);
            const lastShown = act !== 'end' || rows.some((r) => r.getAttribute('aria-posinset') === r.getAttribute('aria-setsize'));
            if (rows.length && lastShown && !rows.some((r) => r.classList.contains('library-row-loading'))) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
      act,
    );
  const jump = await rowsPainted('jump');
  await page.locator('.library-list').focus();
  const endDone = rowsPainted('end');
  await page.keyboard.press('End');
  const end = await endDone;

  // ↓ in the list: keydown → the list points at the next row (the work done for the key), 20 times.
  await page.keyboard.press('Home');
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    const w = window as unknown as { __arrows: number[] };
    w.__arrows = [];
    const list = document.querySelector('.library-list')!;
    window.addEventListener(
      'keydown',
      (e) => {
        const t0 = e.timeStamp;
        const observer = new MutationObserver(() => {
          observer.disconnect();
          w.__arrows.push(performance.now() - t0);
        });
        observer.observe(list, { attributes: true, attributeFilter: ['aria-activedescendant'] });
      },
      { capture: true },
    );
  });
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(50);
  }
  const arrows = (await page.evaluate('window.__arrows')) as number[];
  return { frames, loadingFrames: loading, jump, end, arrowP95: quantile(arrows, 0.95) };
}

async function pageTimes(server: AppServer): Promise<{ label: string; first: number; middle: number; last: number; filtered: number }[]> {
  const time = async (payload: Record<string, unknown>) => {
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await server.api('sources:page', { limit: 100, ...payload });
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  const rows = [];
  for (const sort of SOURCE_SORTS) {
    for (const direction of SORT_DIRECTIONS) {
      rows.push({
        label: `${sort} ${direction}`,
        first: await time({ sort, direction, offset: 0 }),
        middle: await time({ sort, direction, offset: Math.floor(N / 2) }),
        last: await time({ sort, direction, offset: Math.max(0, N - 100) }),
        filtered: await time({ sort, direction, offset: 0, filter: 'kestrava' }),
      });
    }
  }
  return rows;
}

interface Figures {
  load: Load;
  open?: number;
  search?: number;
  filter?: number;
  scroll?: Scroll | null;
  pages?: Awaited<ReturnType<typeof pageTimes>>;
  generated?: { sources: number; excerpts: number; ms: number };
}

async function measure(browser: Browser, kind: Kind, rendererDir: string): Promise<Figures> {
  let generated: Figures['generated'];
  const server = await startAppServer({
    prefix: `sourcebook-bench-ui-${kind}-`,
    sample: kind === 'sample',
    rendererDir,
    prepare: kind === 'large' ? (path) => void (generated = fillLibrary(path, N)) : undefined,
  });
  try {
    const load: Load = { painted: Infinity, interactive: Infinity, rows: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const { page, close, errors } = await newPage(browser);
      const times = await loadTimes(page, server);
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
      load.painted = Math.min(load.painted, times.painted);
      load.interactive = Math.min(load.interactive, times.interactive);
      load.rows = times.rows;
      await close();
    }
    const figures: Figures = { load, generated };
    if (kind === 'empty') return figures;

    const { page, close, errors } = await newPage(browser);
    await loadTimes(page, server);
    figures.open = await openSource(page);
    figures.search = await typeUntil(page, 'input.search-input', 'Kestrava', '.search-results .search-result');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    // (A build from before the windowed library has no filter nor windowed list: those figures are left out.)
    if (kind === 'large' && (await page.locator('input.library-filter').count()) > 0) {
      const expected = (await server.api<{ total: number }>('sources:page', { offset: 0, limit: 1, sort: 'added', filter: 'kestrava' })).total;
      figures.filter = await typeUntil(page, 'input.library-filter', 'kestrava', `.sidebar-library:has(.count[aria-label="${expected} sources match"]) .library-row:not(.library-row-loading)`);
      await page.locator('input.library-filter').fill('');
      await page.waitForTimeout(500);
      figures.scroll = await scrollTimes(page);
    }
    if (kind === 'large') figures.pages = await pageTimes(server);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    await close();
    return figures;
  } finally {
    await server.close();
  }
}

async function main() {
  const build = tempDir('sourcebook-bench-ui-');
  let browser: Browser | null = null;
  try {
    let rendererDir = process.env.SOURCEBOOK_RENDERER_DIR;
    if (!rendererDir) {
      process.stdout.write('Building the renderer… ');
      rendererDir = buildRenderer(build.path('renderer'));
      console.log('done.');
    }
    browser = await launchChromium();
    const empty = await measure(browser, 'empty', rendererDir);
    const sample = await measure(browser, 'sample', rendererDir);
    process.stdout.write(`Generating ${N.toLocaleString('en')} sources… `);
    const large = await measure(browser, 'large', rendererDir);
    console.log(`done (${large.generated!.sources.toLocaleString('en')} sources, ${large.generated!.excerpts.toLocaleString('en')} excerpts in ${(large.generated!.ms / 1000).toFixed(1)} s).`);

    const n = N.toLocaleString('en');
    console.log(`\nbench:ui — the library at ${n} sources against an empty workspace and the 3-source sample; headless Chromium ${VIEWPORT.width}×${VIEWPORT.height}, loads best of ${ROUNDS}`);
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    const col = (s: string, w = 12) => s.padStart(w);
    const line = (label: string, e: string, s: string, l: string, target: string) => console.log(`${label.padEnd(44)}${col(e)}${col(s)}${col(l)}   ${target}`);
    line('', 'empty', 'sample', n, 'target');
    line('library painted', ms(empty.load.painted), ms(sample.load.painted), ms(large.load.painted), `≤ 2× empty (${ms(2 * empty.load.painted)})`);
    line('library interactive', ms(empty.load.interactive), ms(sample.load.interactive), ms(large.load.interactive), `≤ 2× empty (${ms(2 * empty.load.interactive)})`);
    line('library rows in the page', String(empty.load.rows), String(sample.load.rows), String(large.load.rows), 'those in view and a few more');
    line('open a source (click → text painted)', '—', ms(sample.open), ms(large.open), `≤ 2× sample (${ms(2 * sample.open!)})`);
    line('search "Kestrava" (last key → results)', '—', ms(sample.search), ms(large.search), `≤ 2× sample (${ms(2 * sample.search!)}); 160 ms of it is the typing pause`);
    line('library filter "kestrava" (last key → rows)', '—', '—', ms(large.filter), '≤ 100 ms');
    const sc = large.scroll;
    if (sc) {
      line('scroll, 40 wheel notches: frame p50', '—', '—', ms1(quantile(sc.frames, 0.5)), '≤ 16.7 ms (60 fps)');
      line('  frame p95', '—', '—', ms1(quantile(sc.frames, 0.95)), '≤ 16.7 ms');
      line('  longest frame', '—', '—', ms1(Math.max(...sc.frames)), '≤ 50 ms');
      line('  frames with rows still loading in view', '—', '—', `${sc.loadingFrames} of ${sc.frames.length + 1}`, 'few');
      line('jump to the middle → rows painted', '—', '—', ms(sc.jump), '≤ 100 ms');
      line('End key → last row painted', '—', '—', ms(sc.end), '≤ 100 ms');
      line('↓ key → next row active (work), p95', '—', '—', ms1(sc.arrowP95), '≤ 16 ms');
    }
    if (large.pages) {
      console.log(`\nsources:page at ${n} sources, 100 rows through HTTP (best of 5)          target ≤ 20 ms`);
      console.log(`${'order'.padEnd(16)}${col('first')}${col('middle')}${col('last')}${col('"kestrava"')}`);
      for (const r of large.pages) console.log(`${r.label.padEnd(16)}${col(ms1(r.first))}${col(ms1(r.middle))}${col(ms1(r.last))}${col(ms1(r.filtered))}`);
    }
  } finally {
    await browser?.close();
    build.cleanup();
  }
}

await main();
