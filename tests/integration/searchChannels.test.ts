// The search channels beyond the result list, through the real router on a real workspace
// file: where a query's words are in one source (search:hits, for the reader's highlights).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSource } from '../../db/sources';
import { writeTransaction } from '../../db/workspace';
import { createRouter, type Router } from '../../electron/ipc/router';
import { chromiumPrinter } from '../../electron/services/export/chromiumPrinter';
import { hitsInText, queryWords } from '../../electron/services/searchHits';
import { openSession, type Session } from '../../electron/services/session';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-search-channels-');
let session: Session;
let route: Router;
const ids: Record<string, string> = {};
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

const HARBOUR = 'The Harbour board met. Harbours along the coast, the harbour’s pilots and the HARBOUR master: all closed. Harbourmaster Lund said nothing.\n\nSanctions came later; a sanction on Tuesday.';
const RUSSIAN = 'Николай Патрушев встретился с делегацией. Patrushev left at noon.';

beforeAll(async () => {
  session = await openSession(tmp.path('ws.sourcebook'), { printer: chromiumPrinter(), sample: false });
  route = createRouter(session, () => {});
  writeTransaction(session.db, () => {
    const add = (title: string, text: string, language: string | null) =>
      insertSource(session.db, { title, author: null, publisher: 'Coastal Ledger', publishedAt: '2025-03-01', url: null, language, format: 'text', originalName: null, text, original: null });
    ids.harbour = add('Harbour report', HARBOUR, 'en');
    ids.russian = add('Патрушев', RUSSIAN, 'ru');
  });
});
afterAll(async () => {
  await session.close();
  tmp.cleanup();
});

const words = (text: string, hits: [number, number][]) => hits.map(([s, e]) => text.slice(s, e));

describe('search:hits', () => {
  it('reads the words a query looks for, leaving out filters and words to leave out', () => {
    const read = queryWords('harbour "coast guard" pilot* -closed publisher:Ledger');
    expect(read.words).toEqual(['harbour', 'coast guard']);
    // A Latin word's Cyrillic spellings come along, as in search.
    expect(read.prefixes).toEqual(['pilot', 'пилот']);
    expect(queryWords('kind:source after:2024')).toEqual({ words: [], prefixes: [] });
  });

  it('finds each whole word whatever its case, a possessive too, and not inside other words', async () => {
    const { hits, more } = await call<{ hits: [number, number][]; more: boolean }>('search:hits', { sourceId: ids.harbour, query: '"harbour"' });
    expect(words(HARBOUR, hits)).toEqual(['Harbour', 'harbour', 'HARBOUR']);
    // A bare word in an English source: its other forms too, as search found them.
    const stemmed = await call<{ hits: [number, number][] }>('search:hits', { sourceId: ids.harbour, query: 'harbour' });
    expect(words(HARBOUR, stemmed.hits)).toEqual(['Harbour', 'Harbours', 'harbour', 'HARBOUR']);
    expect(more).toBe(false);
  });

  it('marks each whole word a prefix begins, and phrases as one hit', async () => {
    const { hits } = await call<{ hits: [number, number][] }>('search:hits', { sourceId: ids.harbour, query: 'harb* "a sanction"' });
    expect(words(HARBOUR, hits)).toEqual(['Harbour', 'Harbours', 'harbour', 'HARBOUR', 'Harbourmaster', 'a sanction']);
  });

  it('finds a Latin word in Cyrillic, as search does', async () => {
    const { hits } = await call<{ hits: [number, number][] }>('search:hits', { sourceId: ids.russian, query: 'Patrushev' });
    expect(words(RUSSIAN, hits)).toEqual(['Патрушев', 'Patrushev']);
  });

  it('counts at most 5,000 and says there are more', () => {
    const many = 'port '.repeat(6000);
    expect(hitsInText(many, queryWords('port'), 10)).toHaveLength(10);
  });

  it('refuses an unknown source in a sentence', async () => {
    expect(await refused('search:hits', { sourceId: 'src_nothere', query: 'x' })).toMatch(/No source with id src_nothere/);
  });
});
