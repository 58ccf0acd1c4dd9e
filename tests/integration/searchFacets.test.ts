// Search that narrows, through the real router on a real workspace file: what a query
// matched counted by facet (each with the filter that narrows to it), "did you mean" when
// nothing matched, the grade filter, and saved searches that stay live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSource } from '../../db/sources';
import { insertExcerpt } from '../../db/excerpts';
import { writeTransaction } from '../../db/workspace';
import { createRouter, type Router } from '../../electron/ipc/router';
import { chromiumPrinter } from '../../electron/services/export/chromiumPrinter';
import { openSession, type Session } from '../../electron/services/session';
import { editDistance } from '../../db/spelling';
import type { SavedSearch, SearchFacets, SearchResult } from '../../db/domain';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-search-facets-');
let session: Session;
let route: Router;
const call = async <T>(channel: string, payload: unknown): Promise<T> => {
  const reply = await route(channel, payload);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
};
const refused = async (channel: string, payload: unknown): Promise<string> => {
  const reply = await route(channel, payload);
  if (reply.ok) throw new Error(`${channel} was not refused`);
  return reply.error;
};
const ids: string[] = [];

beforeAll(async () => {
  session = await openSession(tmp.path('ws.sourcebook'), { printer: chromiumPrinter(), sample: false });
  route = createRouter(session, () => {});
  writeTransaction(session.db, () => {
    const add = (title: string, text: string, publisher: string, language: string) =>
      ids.push(insertSource(session.db, { title, author: null, publisher, publishedAt: '2025-03-01', url: null, language, format: 'text', originalName: null, text, original: null }));
    add('Hezbollah funding', 'Hezbollah finances moved through the port. Sanctions followed.', 'Coastal Ledger', 'en');
    add('Port sanctions', 'The port of Kestrava faced sanctions over drone parts.', 'Coastal Ledger', 'en');
    add('Sanciones al puerto', 'El puerto recibió sanciones por piezas de drones. Hezbollah no fue mencionado.', 'El Diario del Puerto', 'es');
  });
  await call('sources:grade', { id: ids[0], reliability: 'B' });
  await call('sources:grade', { id: ids[1], reliability: 'D' });
});
afterAll(async () => {
  await session.close();
  tmp.cleanup();
});

describe('search:facets', () => {
  it('counts the matches by kind, language, grade and publisher, each with the filter that narrows to it', async () => {
    const f = await call<SearchFacets>('search:facets', { query: 'hezbollah' });
    expect(f.total).toBe(2);
    expect(f.kinds).toEqual([{ value: 'sources', count: 2, filter: 'kind:source' }]);
    expect(f.languages).toEqual([
      { value: 'en', count: 1, filter: 'lang:en' },
      { value: 'es', count: 1, filter: 'lang:es' },
    ]);
    expect(f.publishers.map((p) => p.filter).sort()).toEqual(['publisher:"Coastal Ledger"', 'publisher:"El Diario del Puerto"']);
    expect(f.grades).toEqual([{ value: 'B', count: 1, filter: 'grade:B' }]);
  });

  it('narrows: adding a facet’s filter to the query leaves what it counted', async () => {
    const f = await call<SearchFacets>('search:facets', { query: 'hezbollah' });
    const es = f.languages.find((l) => l.value === 'es')!;
    const narrowed = await call<SearchResult[]>('search:query', { query: `hezbollah ${es.filter}` });
    expect(narrowed.map((r) => r.title)).toEqual(['Sanciones al puerto']);
    expect((await call<SearchFacets>('search:facets', { query: `hezbollah ${es.filter}` })).total).toBe(es.count);
  });

  it('grade: filters by a source’s reliability (its own, else its publisher’s); an impossible grade is no filter', async () => {
    expect((await call<SearchResult[]>('search:query', { query: 'port grade:D' })).map((r) => r.title)).toEqual(['Port sanctions']);
    expect((await call<SearchResult[]>('search:query', { query: 'grade:b' })).map((r) => r.title)).toEqual(['Hezbollah funding']);
    await call('publishers:grade', { name: 'El Diario del Puerto', reliability: 'C' });
    expect((await call<SearchResult[]>('search:query', { query: 'grade:C' })).map((r) => r.title)).toEqual(['Sanciones al puerto']);
    expect((await call<SearchResult[]>('search:query', { query: 'hezbollah grade:Z9' })).length).toBe(2);
  });

  it('counts by year of publication, month added and excerpt state; date:, added: and state: narrow to each', async () => {
    const [older, newer] = writeTransaction(session.db, () => [
      insertSource(session.db, { title: 'Drone imports 2023', author: null, publisher: null, publishedAt: '2023-06-10', url: null, language: 'en', format: 'text', originalName: null, text: 'Quadcopter imports rose at the port.', original: null }),
      insertSource(session.db, { title: 'Drone imports 2024', author: null, publisher: null, publishedAt: '2024-01-02', url: null, language: 'en', format: 'text', originalName: null, text: 'Quadcopter imports fell; two quadcopter crates were seized.', original: null }),
    ]);
    session.db.prepare(`UPDATE sources SET created_at = '2026-10-15T09:00:00.000Z' WHERE id = ?`).run(older);
    const [exact, fuzzy] = writeTransaction(session.db, () => [
      insertExcerpt(session.db, { sourceId: newer, version: 1, start: 0, end: 22, quote: 'Quadcopter imports fell', prefix: '', suffix: '' }),
      insertExcerpt(session.db, { sourceId: newer, version: 1, start: 28, end: 44, quote: 'quadcopter crates', prefix: '', suffix: '' }),
    ]);
    session.db.prepare(`UPDATE excerpts SET anchor_state = 'fuzzy' WHERE id = ?`).run(fuzzy);

    const f = await call<SearchFacets>('search:facets', { query: 'quadcopter' });
    // Latest first, as a timeline reads; every kind counted (the excerpts take their source's date).
    expect(f.dates).toEqual([
      { value: '2024', count: 3, filter: 'date:2024' },
      { value: '2023', count: 1, filter: 'date:2023' },
    ]);
    const thisMonth = new Date().toISOString().slice(0, 7);
    expect(f.added).toEqual([
      { value: thisMonth, count: 3, filter: `added:${thisMonth}` },
      { value: '2026-10', count: 1, filter: 'added:2026-10' },
    ]);
    // A value's count is what adding its filter leaves.
    for (const v of [...f.dates, ...f.added]) expect((await call<SearchFacets>('search:facets', { query: `quadcopter ${v.filter}` })).total).toBe(v.count);
    expect(f.states.map((s) => [s.value, s.count, s.filter])).toEqual([
      ['exact', 1, 'state:exact'],
      ['to confirm', 1, 'state:fuzzy'],
    ]);
    const titles = async (query: string) => (await call<SearchResult[]>('search:query', { query })).map((r) => r.id);
    expect(await titles('quadcopter date:2023')).toEqual([older]);
    expect(await titles('quadcopter date:2024-01 kind:source')).toEqual([newer]);
    expect(await titles('quadcopter added:2026-10')).toEqual([older]);
    expect(await titles('quadcopter state:fuzzy')).toEqual([fuzzy]);
    expect((await titles('state:exact quadcopter')).includes(exact)).toBe(true);
    // A period that is not a date is no filter.
    expect((await titles('quadcopter date:last-year')).length).toBe(4);

    // Tags count for the tags above them, once per excerpt; the excerpts' sources are a facet too.
    await call('excerpts:update', { id: exact, tags: ['customs/drones', 'customs/seizures'] });
    await call('excerpts:update', { id: fuzzy, tags: ['customs/drones/parts'] });
    const tagged = await call<SearchFacets>('search:facets', { query: 'quadcopter kind:excerpt' });
    expect(Object.fromEntries(tagged.tags.map((t) => [t.value, [t.count, t.filter]]))).toEqual({
      customs: [2, 'tag:customs'],
      'customs/drones': [2, 'tag:customs/drones'],
      'customs/drones/parts': [1, 'tag:customs/drones/parts'],
      'customs/seizures': [1, 'tag:customs/seizures'],
    });
    expect(tagged.sources).toEqual([{ value: 'Drone imports 2024', count: 2, filter: 'title:"Drone imports 2024"' }]);
    for (const t of tagged.tags) expect((await call<SearchFacets>('search:facets', { query: `quadcopter kind:excerpt ${t.filter}` })).total).toBe(t.count);
  });

  it('a query that looks for nothing counts nothing', async () => {
    expect((await call<SearchFacets>('search:facets', { query: '' })).total).toBe(0);
    expect((await call<SearchFacets>('search:facets', { query: '-port' })).total).toBe(0);
  });
});

describe('search:correct ("did you mean")', () => {
  it('corrects a misspelt word to the closest word of the sources, and the corrected query finds it', async () => {
    expect(await call('search:correct', { query: 'Hezbolah' })).toEqual({ query: 'hezbollah' });
    expect(await call('search:correct', { query: 'sanctoins port' })).toEqual({ query: 'sanctions port' });
    expect((await call<SearchResult[]>('search:query', { query: 'hezbollah' })).length).toBe(2);
  });

  it('leaves alone words the sources use, filters, phrases, prefixes and words too far from any', async () => {
    expect(await call('search:correct', { query: 'hezbollah port' })).toEqual({ query: null });
    expect(await call('search:correct', { query: 'publisher:Ledgr "Hezbolah money" portz* -hezbolah' })).toEqual({ query: null });
    expect(await call('search:correct', { query: 'xylophone' })).toEqual({ query: null });
  });

  it('measures edits with transpositions and stops early', () => {
    expect(editDistance('sanctoins', 'sanctions', 2)).toBe(1);
    expect(editDistance('hezbolah', 'hezbollah', 2)).toBe(1);
    expect(editDistance('port', 'drone', 1)).toBe(2);
  });
});

describe('saved searches', () => {
  it('saves a query under a name, lists it with a live count, renames by saving again, deletes', async () => {
    const saved = await call<SavedSearch>('savedSearches:save', { name: 'Port sanctions (all)', query: 'sanctions OR sanciones' });
    expect(saved).toMatchObject({ name: 'Port sanctions (all)', query: 'sanctions OR sanciones', count: 3 });
    // Live: a new source that matches is counted the next time the list is read.
    writeTransaction(session.db, () =>
      insertSource(session.db, { title: 'More sanctions', author: null, publisher: null, publishedAt: null, url: null, language: 'en', format: 'text', originalName: null, text: 'New sanctions today.', original: null }),
    );
    expect((await call<SavedSearch[]>('savedSearches:list', {})).map((s) => [s.name, s.count])).toEqual([['Port sanctions (all)', 4]]);
    // The same name (any case) takes the new query.
    await call('savedSearches:save', { name: 'port sanctions (ALL)', query: 'lang:es' });
    const list = await call<SavedSearch[]>('savedSearches:list', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ query: 'lang:es', count: 1 });
    await call('savedSearches:delete', { id: list[0].id });
    expect(await call('savedSearches:list', {})).toEqual([]);
  });

  it('refuses a search that looks for nothing, an empty name, and an unknown id, in sentences', async () => {
    expect(await refused('savedSearches:save', { name: 'Nothing', query: '-port' })).toMatch(/looks for nothing/);
    expect(await refused('savedSearches:save', { name: '   ', query: 'port' })).toMatch(/name/i);
    expect(await refused('savedSearches:delete', { id: 'sch_nothere00' })).toMatch(/no longer exists/);
  });
});
