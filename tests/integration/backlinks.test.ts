// The Backlinks panel's data, through the real router on a real workspace file: three
// briefs citing overlapping excerpts and sources and @-mentioning overlapping entities; the
// order and counts a person reads, a brief in the Trash left out, an unknown brief refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSource } from '../../db/sources';
import { insertExcerpt } from '../../db/excerpts';
import { createEntity } from '../../db/entities';
import { createBrief } from '../../db/briefs';
import { citationNode, paragraphNode, rootNode, textNode, type SerializedNode } from '../../db/brief/document';
import { writeTransaction } from '../../db/workspace';
import { createRouter, type Router } from '../../electron/ipc/router';
import { chromiumPrinter } from '../../electron/services/export/chromiumPrinter';
import { openSession, type Session } from '../../electron/services/session';
import type { BriefBacklinks } from '../../db/backlinks';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-backlinks-');
let session: Session;
let route: Router;
const call = async <T>(channel: string, payload: unknown): Promise<T> => {
  const reply = await route(channel, payload);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
};
const mention = (entityId: string, name: string) => ({ type: 'entity-mention', version: 1, entityId, name }) as unknown as SerializedNode;
const ids: Record<string, string> = {};

beforeAll(async () => {
  session = await openSession(tmp.path('ws.sourcebook'), { printer: chromiumPrinter(), sample: false });
  route = createRouter(session, () => {});
  writeTransaction(session.db, () => {
    const db = session.db;
    const source = (title: string, text: string) => insertSource(db, { title, author: null, publisher: null, publishedAt: null, url: null, language: 'en', format: 'text', originalName: null, text, original: null });
    const excerpt = (sourceId: string, quote: string) => insertExcerpt(db, { sourceId, version: 1, start: 0, end: quote.length, quote, prefix: '', suffix: '' });
    ids.port = source('Port report', 'Cranes idle at the East Terminal. Customs seized motors.');
    ids.customs = source('Customs notice', 'Motors declared as sprayer parts.');
    ids.cranes = excerpt(ids.port, 'Cranes idle at the East Terminal.');
    ids.motors = excerpt(ids.port, 'Customs seized motors.');
    ids.declared = excerpt(ids.customs, 'Motors declared as sprayer parts.');
    ids.halvard = createEntity(db, 'Halvard Maritime', 'organization').id;
    ids.kovac = createEntity(db, 'Marta Kovač', 'person').id;
    const cite = (id: string, quote: string) => citationNode(id, quote);
    // This brief: two excerpts of the port report, one of the customs notice; names Halvard and Kovač.
    ids.main = createBrief(db, 'Main assessment', rootNode([paragraphNode([textNode('A '), cite(ids.cranes, 'c'), cite(ids.motors, 'm'), cite(ids.declared, 'd'), mention(ids.halvard, 'Halvard Maritime'), mention(ids.kovac, 'Marta Kovač')])]));
    // The same two excerpts of the port report: two excerpts, one source in common; names Halvard.
    ids.close = createBrief(db, 'Close reading', rootNode([paragraphNode([cite(ids.cranes, 'c'), cite(ids.motors, 'm'), mention(ids.halvard, 'Halvard Maritime')])]));
    // Another excerpt of the customs notice's source? none: it cites the customs excerpt only; names both entities.
    ids.side = createBrief(db, 'Side note', rootNode([paragraphNode([cite(ids.declared, 'd'), mention(ids.halvard, 'Halvard Maritime'), mention(ids.kovac, 'Marta Kovač')])]));
    ids.unrelated = createBrief(db, 'Unrelated', rootNode([paragraphNode([textNode('Nothing shared.')])]));
  });
});
afterAll(async () => {
  await session.close();
  tmp.cleanup();
});

describe('briefs:backlinks', () => {
  it('lists the briefs sharing evidence and entities, most first, and the sources cited', async () => {
    const b = await call<BriefBacklinks>('briefs:backlinks', { id: ids.main });
    expect(b.sharingEvidence).toEqual([
      { briefId: ids.close, title: 'Close reading', excerpts: 2, sources: 1 },
      { briefId: ids.side, title: 'Side note', excerpts: 1, sources: 1 },
    ]);
    expect(b.sharingEntities.map((x) => [x.title, x.entities.map((e) => e.name)])).toEqual([
      ['Side note', ['Halvard Maritime', 'Marta Kovač']],
      ['Close reading', ['Halvard Maritime']],
    ]);
    expect(b.sources).toEqual([
      { sourceId: ids.port, title: 'Port report', citations: 2 },
      { sourceId: ids.customs, title: 'Customs notice', citations: 1 },
    ]);
    // Seen from another brief, the main one is among its backlinks.
    expect((await call<BriefBacklinks>('briefs:backlinks', { id: ids.close })).sharingEvidence.map((x) => x.title)).toEqual(['Main assessment']);
    expect(await call<BriefBacklinks>('briefs:backlinks', { id: ids.unrelated })).toEqual({ sharingEvidence: [], sharingEntities: [], sources: [] });
  });

  it('leaves out a brief in the Trash, and refuses an unknown brief with a sentence', async () => {
    await call('briefs:delete', { id: ids.close });
    const b = await call<BriefBacklinks>('briefs:backlinks', { id: ids.main });
    expect(b.sharingEvidence.map((x) => x.title)).toEqual(['Side note']);
    expect(b.sharingEntities.map((x) => x.title)).toEqual(['Side note']);
    const reply = await route('briefs:backlinks', { id: 'brf_nothere' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/No brief with id brf_nothere/);
  });
});
