// Tags on sources and evidence packages of sources (the library's bulk Tag… and Export…),
// through the real router and the real command line on real workspace files: tags added
// and removed on several sources at once, all or none; `tag:` finding sources by their own
// tags, hierarchy aware; tags kept through the Trash; a package of two of three sources
// merged into an empty workspace brings those two, their excerpts and tags, and not the third.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { insertSource } from '../../db/sources';
import { insertExcerpt } from '../../db/excerpts';
import { writeTransaction } from '../../db/workspace';
import { createRouter, type Router } from '../../electron/ipc/router';
import { chromiumPrinter } from '../../electron/services/export/chromiumPrinter';
import { openSession, type Session } from '../../electron/services/session';
import type { SearchResult, SourcePage } from '../../db/domain';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-source-tags-');
const wsPath = tmp.path('ws.sourcebook');
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
const tagsOf = async () => {
  const page = await call<SourcePage>('sources:page', { offset: 0, limit: 10, sort: 'title' });
  return Object.fromEntries(page.rows.map((r) => [r.title, r.tags]));
};

beforeAll(async () => {
  session = await openSession(wsPath, { printer: chromiumPrinter(), sample: false });
  route = createRouter(session, () => {});
  writeTransaction(session.db, () => {
    for (const [title, text] of [
      ['Harbour log', 'Cranes idle at the East Terminal.'],
      ['Customs notice', 'Motors declared as sprayer parts.'],
      ['Weather', 'Storm warning for the coast.'],
    ]) {
      const id = insertSource(session.db, { title, author: null, publisher: null, publishedAt: null, url: null, language: 'en', format: 'text', originalName: null, text, original: null });
      ids.push(id);
      insertExcerpt(session.db, { sourceId: id, version: 1, start: 0, end: 6, quote: text.slice(0, 6), prefix: '', suffix: '' });
    }
  });
});
afterAll(async () => {
  await session.close();
  tmp.cleanup();
});

describe('tags on sources', () => {
  it('adds and removes tags on several sources at once; the library rows show them; tag: finds them, hierarchy aware', async () => {
    expect(await call('sources:tagMany', { ids: ids.slice(0, 2), add: ['customs/ports', ' leads '] })).toEqual({ tagged: 2 });
    expect(await tagsOf()).toEqual({ 'Harbour log': ['customs/ports', 'leads'], 'Customs notice': ['customs/ports', 'leads'], Weather: [] });
    await call('sources:tagMany', { ids: [ids[1]], remove: ['LEADS'] });
    expect((await tagsOf())['Customs notice']).toEqual(['customs/ports']);
    const found = async (q: string) => (await call<SearchResult[]>('search:query', { query: q })).filter((r) => r.kind === 'source').map((r) => r.title).sort();
    expect(await found('tag:customs')).toEqual(['Customs notice', 'Harbour log']);
    expect(await found('tag:leads')).toEqual(['Harbour log']);
  });

  it('refuses the whole change for an unknown source, an empty tag or nothing to do, in sentences', async () => {
    expect(await refused('sources:tagMany', { ids: [ids[2], 'src_nothere'], add: ['x'] })).toMatch(/No source with id src_nothere: nothing was tagged/);
    expect((await tagsOf()).Weather).toEqual([]);
    expect(await refused('sources:tagMany', { ids: [ids[2]], add: [' / '] })).toMatch(/is not a tag/);
    expect(await refused('sources:tagMany', { ids: [ids[2]], add: [] })).toMatch(/Name a tag/);
    expect(await refused('sources:tagMany', { ids: [ids[2]], add: ['a'.repeat(201)] })).toBeTruthy();
  });

  it('keeps a source’s tags through the Trash', async () => {
    await call('sources:delete', { id: ids[0] });
    const [item] = await call<{ id: string }[]>('trash:list', {});
    await call('trash:restore', { id: item.id });
    expect((await tagsOf())['Harbour log']).toEqual(['customs/ports', 'leads']);
  });
});

describe('an evidence package of sources', () => {
  it('holds the sources chosen with their excerpts and tags; merged into an empty workspace, brings them and not the others', async () => {
    const pkg = tmp.path('two.sourcebook');
    const r = cli(wsPath, '--json', 'package', '--source', ids[0], '--source', ids[1], '--out', pkg);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ path: pkg, sources: { added: 2 }, excerpts: { added: 2 } });
    const empty = tmp.path('empty.sourcebook');
    expect(cli(empty, 'merge', pkg).code).toBe(0);
    const db = new Database(empty, { readonly: true });
    try {
      expect((db.prepare(`SELECT title FROM sources ORDER BY title`).pluck().all() as string[])).toEqual(['Customs notice', 'Harbour log']);
      expect(db.prepare(`SELECT count(*) FROM excerpts`).pluck().get()).toBe(2);
      expect(db.prepare(`SELECT t.name FROM source_tags st JOIN tags t ON t.id = st.tag_id JOIN sources s ON s.id = st.source_id WHERE s.title = 'Harbour log' ORDER BY t.name`).pluck().all()).toEqual(['customs/ports', 'leads']);
    } finally {
      db.close();
    }
    // The window's route: the same package as bytes.
    const bytes = await call<{ packageBase64: string; fileName: string }>('sources:package', { ids: [ids[2]] });
    expect(bytes.fileName).toBe('weather-evidence.sourcebook');
    expect(Buffer.from(bytes.packageBase64, 'base64').subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('says what is wrong with the command: neither or both of a brief and sources, an unknown source, a file that exists', () => {
    const neither = cli(wsPath, 'package', '--out', tmp.path('x.sourcebook'));
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/needs a BRIEF_ID, or --source ID/);
    const both = cli(wsPath, 'package', 'brf_x', '--source', ids[0], '--out', tmp.path('x.sourcebook'));
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/not both/);
    const unknown = cli(wsPath, 'package', '--source', 'src_nothere', '--out', tmp.path('y.sourcebook'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No source with id src_nothere/);
    expect(existsSync(tmp.path('y.sourcebook'))).toBe(false);
    const again = cli(wsPath, 'package', '--source', ids[0], '--out', tmp.path('two.sourcebook'));
    expect(again.stderr).toMatch(/already exists/);
  });
});
