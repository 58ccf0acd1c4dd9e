// The library in pages (sources:page, db/sources.ts pageSources) through the real router
// on a real workspace file: every order and direction, the filter, the total, the
// window's edges, the excerpt counts kept on each source as excerpts come and go (the
// Trash, a merge), and requests the channel refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from '../../electron/services/session';
import { createRouter, replyStatus, type Router } from '../../electron/ipc/router';
import { chromiumPrinter } from '../../electron/services/export/chromiumPrinter';
import { mergeWorkspace } from '../../electron/services/merge';
import { openWorkspace } from '../../db/workspace';
import { insertSource } from '../../db/sources';
import { insertExcerpt } from '../../db/excerpts';
import type { Db } from '../../db/workspace';
import type { SourcePage, SourceSummary } from '../../db/domain';
import { SOURCE_SORTS, type SortDirection, type SourceSort } from '../../common/library';
import { fillLibrary } from '../helpers/library';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-sources-page-');
let session: Session;
let route: Router;
const call = async <T>(channel: string, payload: unknown): Promise<T> => {
  const reply = await route(channel, payload);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
};
const page = (request: { offset?: number; limit?: number; sort?: SourceSort; direction?: SortDirection; filter?: string }) =>
  call<SourcePage>('sources:page', { offset: 0, limit: 100, sort: 'added', ...request });
const titles = (p: SourcePage) => p.rows.map((r) => r.title);

function addSource(db: Db, title: string, meta: { publisher?: string | null; publishedAt?: string | null; excerpts?: number } = {}): string {
  const text = `${title}\n\nThe harbour board met on Tuesday. The tender was delayed. The cranes arrived late.\n`;
  const id = insertSource(db, { title, author: null, publisher: meta.publisher ?? null, publishedAt: meta.publishedAt ?? null, url: null, language: 'en', format: 'text', originalName: null, text, original: null });
  for (let i = 0; i < (meta.excerpts ?? 0); i++) {
    const quote = ['The harbour board met on Tuesday.', 'The tender was delayed.', 'The cranes arrived late.'][i % 3];
    const start = text.indexOf(quote);
    insertExcerpt(db, { sourceId: id, version: 1, start, end: start + quote.length, quote, prefix: '', suffix: '' });
  }
  return id;
}

// Added in this order (so "added, newest first" is the reverse).
const LIBRARY: [string, { publisher?: string | null; publishedAt?: string | null; excerpts?: number }][] = [
  ['Port tender delayed', { publisher: 'Coastal Ledger', publishedAt: '2026-03-02', excerpts: 2 }],
  ['apron works begin', { publisher: 'harbour watch', publishedAt: '2025-11-30' }],
  ['Cranes arrive at the East Terminal', { publisher: null, publishedAt: '2026-01-15', excerpts: 3 }],
  ['Budget: 100% over, says audit', { publisher: 'Coastal Ledger', publishedAt: null, excerpts: 1 }],
  ['Zoning board_minutes', { publisher: 'Baltic Shipping Wire', publishedAt: '2024-07-01' }],
  ['Berth 4 closed', { publisher: null, publishedAt: null }],
  ['Customs seizure at the free zone', { publisher: 'Harbour Watch', publishedAt: '2026-03-02', excerpts: 1 }],
];
const ids = new Map<string, string>();

beforeAll(async () => {
  session = await openSession(tmp.path('ws.sourcebook'), { printer: chromiumPrinter(), sample: false });
  route = createRouter(session, () => {});
  for (const [title, meta] of LIBRARY) ids.set(title, addSource(session.db, title, meta));
});
afterAll(async () => {
  await session.close();
  tmp.cleanup();
});

describe('sources:page', () => {
  it('orders the library by each sort, both ways, missing publishers and dates last either way', async () => {
    const added = LIBRARY.map(([t]) => t);
    expect(titles(await page({ sort: 'added' }))).toEqual([...added].reverse());
    expect(titles(await page({ sort: 'added', direction: 'asc' }))).toEqual(added);

    const byTitle = ['apron works begin', 'Berth 4 closed', 'Budget: 100% over, says audit', 'Cranes arrive at the East Terminal', 'Customs seizure at the free zone', 'Port tender delayed', 'Zoning board_minutes'];
    expect(titles(await page({ sort: 'title' }))).toEqual(byTitle);
    expect(titles(await page({ sort: 'title', direction: 'desc' }))).toEqual([...byTitle].reverse());

    // Newest first by default; equal dates in the order they were added (the later one first when descending).
    expect(titles(await page({ sort: 'published' }))).toEqual([
      'Customs seizure at the free zone',
      'Port tender delayed',
      'Cranes arrive at the East Terminal',
      'apron works begin',
      'Zoning board_minutes',
      'Berth 4 closed',
      'Budget: 100% over, says audit',
    ]);
    expect(titles(await page({ sort: 'published', direction: 'asc' }))).toEqual([
      'Zoning board_minutes',
      'apron works begin',
      'Cranes arrive at the East Terminal',
      'Port tender delayed',
      'Customs seizure at the free zone',
      'Budget: 100% over, says audit',
      'Berth 4 closed',
    ]);

    // Publishers compared without case ("harbour watch" = "Harbour Watch").
    expect(titles(await page({ sort: 'publisher' }))).toEqual([
      'Zoning board_minutes',
      'Port tender delayed',
      'Budget: 100% over, says audit',
      'apron works begin',
      'Customs seizure at the free zone',
      'Cranes arrive at the East Terminal',
      'Berth 4 closed',
    ]);
    expect(titles(await page({ sort: 'publisher', direction: 'desc' }))).toEqual([
      'Customs seizure at the free zone',
      'apron works begin',
      'Budget: 100% over, says audit',
      'Port tender delayed',
      'Zoning board_minutes',
      'Berth 4 closed',
      'Cranes arrive at the East Terminal',
    ]);

    const byExcerpts = await page({ sort: 'excerpts' });
    expect(titles(byExcerpts).slice(0, 2)).toEqual(['Cranes arrive at the East Terminal', 'Port tender delayed']);
    expect(byExcerpts.rows.map((r) => r.excerptCount)).toEqual([3, 2, 1, 1, 0, 0, 0]);
    expect((await page({ sort: 'excerpts', direction: 'asc' })).rows.map((r) => r.excerptCount)).toEqual([0, 0, 0, 1, 1, 2, 3]);
  });

  it('returns the same summaries as sources:list, each with its count of mentions and its tags', async () => {
    const list = await call<SourceSummary[]>('sources:list', {});
    const paged = await page({ sort: 'added' });
    expect(paged.rows.map(({ mentionCount, tags, ...summary }) => (expect(mentionCount).toBe(0), expect(tags).toEqual([]), summary))).toEqual(list);
  });

  it('counts the mentions of entities in each source, and orders by them', async () => {
    // "cranes" is in every text once, and twice in the one whose title has it too.
    await call('entities:create', { name: 'Cranes', type: 'other', aliases: [] });
    const byMentions = async (direction: SortDirection) => (await page({ sort: 'mentions', direction })).rows.map((r) => [r.title, r.mentionCount]);
    await expect.poll(async () => (await byMentions('desc'))[0], { timeout: 10_000 }).toEqual(['Cranes arrive at the East Terminal', 2]);
    const desc = await byMentions('desc');
    expect(desc.slice(1).every(([, n]) => n === 1)).toBe(true);
    expect((await byMentions('asc')).at(-1)).toEqual(['Cranes arrive at the East Terminal', 2]);
  });

  it('orders by grade afresh after a grade is given (the sorted order is kept only until the workspace changes)', async () => {
    const first = async () => (await page({ sort: 'grade' })).rows[0];
    const before = await first();
    const berth = ids.get('Berth 4 closed')!;
    expect(before.id).not.toBe(berth);
    await call('sources:grade', { id: berth, reliability: 'A' });
    expect((await first()).id).toBe(berth);
    await call('sources:grade', { id: berth, reliability: null });
    expect((await first()).id).toBe(before.id);
  });

  it('narrows by every word of the filter, in the title or the publisher, without case; % and _ are plain characters', async () => {
    const of = async (filter: string) => {
      const p = await page({ sort: 'title', filter });
      expect(p.total).toBe(p.rows.length);
      return titles(p);
    };
    expect(await of('harbour')).toEqual(['apron works begin', 'Customs seizure at the free zone']);
    expect(await of('  HARBOUR   customs ')).toEqual(['Customs seizure at the free zone']);
    expect(await of('ledger')).toEqual(['Budget: 100% over, says audit', 'Port tender delayed']);
    expect(await of('the')).toEqual(['Cranes arrive at the East Terminal', 'Customs seizure at the free zone']);
    expect(await of('100%')).toEqual(['Budget: 100% over, says audit']);
    expect(await of('%')).toEqual(['Budget: 100% over, says audit']);
    expect(await of('d_m')).toEqual(['Zoning board_minutes']);
    expect(await of('g_b')).toEqual([]); // "Zoning board": _ is no wildcard
    expect(await of('_')).toEqual(['Zoning board_minutes']);
    expect(await of('\\')).toEqual([]);
    expect(await of('nowhere')).toEqual([]);
    expect(await of('   ')).toHaveLength(LIBRARY.length);
    // A filter letting most through (its complement is what the walk tests) keeps the order.
    expect(await of('e')).toEqual(['apron works begin', 'Berth 4 closed', 'Budget: 100% over, says audit', 'Cranes arrive at the East Terminal', 'Customs seizure at the free zone', 'Port tender delayed', 'Zoning board_minutes']);
    expect(titles(await page({ sort: 'published', filter: 'ledger' }))).toEqual(['Port tender delayed', 'Budget: 100% over, says audit']);
  });

  it('gives the window asked for and the total, past the end an empty window', async () => {
    const all = titles(await page({ sort: 'title' }));
    const first = await page({ sort: 'title', offset: 0, limit: 3 });
    expect(first).toMatchObject({ total: 7, offset: 0 });
    expect(titles(first)).toEqual(all.slice(0, 3));
    expect(titles(await page({ sort: 'title', offset: 3, limit: 3 }))).toEqual(all.slice(3, 6));
    expect(titles(await page({ sort: 'title', offset: 6, limit: 3 }))).toEqual(all.slice(6));
    expect(await page({ sort: 'title', offset: 7, limit: 3 })).toEqual({ total: 7, offset: 7, rows: [] });
    expect(await page({ sort: 'title', offset: 1_000, limit: 500 })).toEqual({ total: 7, offset: 1_000, rows: [] });
    expect(titles(await page({ sort: 'title', offset: 1, limit: 1, filter: 'harbour' }))).toEqual(['Customs seizure at the free zone']);
    expect(await page({ sort: 'title', offset: 2, limit: 1, filter: 'harbour' })).toEqual({ total: 2, offset: 2, rows: [] });
  });

  it('refuses a request it cannot answer with a 400 naming what is wrong', async () => {
    const refused = async (payload: unknown, what: RegExp) => {
      const reply = await route('sources:page', payload);
      expect(reply.ok).toBe(false);
      expect(replyStatus(reply)).toBe(400);
      expect(reply.ok ? '' : reply.error).toMatch(what);
    };
    await refused({ offset: -1, limit: 10, sort: 'title' }, /offset/);
    await refused({ offset: 0.5, limit: 10, sort: 'title' }, /offset/);
    await refused({ offset: 0, limit: 501, sort: 'title' }, /limit/);
    await refused({ offset: 0, limit: 0, sort: 'title' }, /limit/);
    await refused({ offset: 0, limit: 10, sort: 'rowid' }, /sort/);
    await refused({ offset: 0, limit: 10, sort: 'title', direction: 'sideways' }, /direction/);
    await refused({ offset: 0, limit: 10, sort: 'title', filter: 'x'.repeat(201) }, /filter/);
    await refused({ offset: 0, limit: 10, sort: 'title', orderBy: 'seq; DROP TABLE sources' }, /orderBy|Unrecognized/i);
    await refused({ limit: 10, sort: 'title' }, /offset/);
    expect((await page({ sort: 'title', limit: 500 })).total).toBe(7);
  });
});

describe('the excerpt count kept on each source', () => {
  const countOf = async (title: string) => (await page({ sort: 'title', filter: title })).rows.find((r) => r.title === title)!.excerptCount;

  it('follows excerpts deleted and restored, and a source deleted and restored with them', async () => {
    const title = 'Cranes arrive at the East Terminal';
    const id = ids.get(title)!;
    expect(await countOf(title)).toBe(3);
    const excerpts = await call<{ id: string }[]>('excerpts:list', { sourceId: id });
    await call('excerpts:delete', { id: excerpts[0].id });
    expect(await countOf(title)).toBe(2);
    await call('trash:restore', { id: excerpts[0].id });
    expect(await countOf(title)).toBe(3);
    await call('sources:delete', { id });
    expect((await page({ sort: 'title' })).total).toBe(6);
    await call('trash:restore', { id });
    // Written back whole with its count, then its excerpts: counted once, not twice.
    expect(await countOf(title)).toBe(3);
    expect((await page({ sort: 'excerpts' })).rows[0].title).toBe(title);
  });

  it('counts the excerpts a merge brings, once', async () => {
    const otherPath = tmp.path('colleague.sourcebook');
    const other = openWorkspace(otherPath);
    const merged = addSource(other, 'Pilot boats idle in the fog', { publisher: 'Coastal Ledger', excerpts: 2 });
    other.close();
    await mergeWorkspace(session.db, session.workspacePath, otherPath);
    const row = (await page({ sort: 'title', filter: 'pilot boats' })).rows[0];
    expect(row).toMatchObject({ id: merged, excerptCount: 2 });
  });
});

describe('a generated library of 3,000 sources', () => {
  const path = tmp.path('big.sourcebook');
  let big: Db;
  beforeAll(() => {
    fillLibrary(path, 3_000);
    big = openWorkspace(path);
  });
  afterAll(() => big.close());

  it('pages through every order exactly once, each page in order with the one before', async () => {
    const { pageSources } = await import('../../db/sources');
    for (const sort of SOURCE_SORTS) {
      for (const direction of ['asc', 'desc'] as const) {
        const seen: (SourceSummary & { mentionCount: number })[] = [];
        for (let offset = 0; ; offset += 487) {
          const p = pageSources(big, { offset, limit: 487, sort, direction });
          expect(p.total).toBe(3_000);
          if (p.rows.length === 0) break;
          seen.push(...p.rows);
        }
        expect(new Set(seen.map((s) => s.id)).size, `${sort} ${direction}`).toBe(3_000);
        const key = (s: SourceSummary & { mentionCount: number }) =>
          ({
            added: null,
            title: s.title.toLowerCase(),
            published: s.publishedAt,
            publisher: s.publisher?.toLowerCase() ?? null,
            excerpts: s.excerptCount,
            grade: s.reliability,
            mentions: s.mentionCount,
            language: s.language,
          })[sort];
        for (let i = 1; i < seen.length; i++) {
          const [a, b] = [key(seen[i - 1]), key(seen[i])];
          if (a === null || b === null) {
            // Missing values come last, whichever the direction.
            if (a === null) expect(b, `${sort} ${direction} at ${i}`).toBeNull();
            continue;
          }
          if (a !== b) expect(direction === 'asc' ? a < b : a > b, `${sort} ${direction} at ${i}: ${a} then ${b}`).toBe(true);
        }
      }
    }
  });

  it('pages through a filter the same whichever way the window is found', async () => {
    const { pageSources } = await import('../../db/sources');
    // "report" is in every title (the walk tests what the filter leaves out); "report 1" in some.
    for (const filter of ['report', 'report 1', 'harbour watch', 'report 2999']) {
      const whole = pageSources(big, { offset: 0, limit: 500, sort: 'published', filter });
      const pages: SourceSummary[] = [];
      for (let offset = 0; offset < Math.min(whole.total, 1_000); offset += 100) pages.push(...pageSources(big, { offset, limit: 100, sort: 'published', filter }).rows);
      expect(pages.slice(0, 500).map((s) => s.id), filter).toEqual(whole.rows.map((s) => s.id));
      for (const s of pages) expect(`${s.title} ${s.publisher ?? ''}`.toLowerCase(), filter).toContain(filter.split(' ')[0]);
    }
  });
});
