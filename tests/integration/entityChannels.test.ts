// The entity channels the app uses, through the real router on a real workspace file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from '../../electron/services/session';
import { createRouter, type Router } from '../../electron/ipc/router';
import { tempDir } from '../helpers/tmp';
import { chromiumPrinter } from '../../electron/services/export/chromiumPrinter';

const tmp = tempDir('sourcebook-entity-channels-');
let session: Session;
let route: Router;
const call = async <T>(channel: string, payload: unknown): Promise<T> => {
  const reply = await route(channel, payload);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
};

let sourceId = '';
const text = `Port talks\n\nThe delegation of Halvard Maritime met the harbour board in Kestrava on 4 May 2026. Halvard’s chief executive did not attend.\n\nLater, Kestrava officials said the talks would resume.`;

beforeAll(async () => {
  session = await openSession(tmp.path('ws.sqlite'), { printer: chromiumPrinter(), sample: false });
  route = createRouter(session, () => {});
  const report = await call<{ imported: { id: string }[] }>('sources:import', { files: [{ name: 'talks.txt', data: Buffer.from(text).toString('base64') }] });
  sourceId = report.imported[0].id;
});
afterAll(async () => {
  await session.close();
  tmp.cleanup();
});

describe('entity channels', () => {
  let halvard = '';
  let kestrava = '';

  it('creates entities whose mentions are found at once, and marks them in the source', async () => {
    halvard = (await call<{ id: string }>('entities:create', { name: 'Halvard Maritime', type: 'organization', aliases: ['Halvard'] })).id;
    kestrava = (await call<{ id: string }>('entities:create', { name: 'Kestrava', type: 'location' })).id;
    const marks = await call<{ entityId: string; start: number; end: number }[]>('mentions:source', { sourceId });
    expect(marks.map((m) => [m.entityId, text.slice(m.start, m.end)])).toEqual([
      [halvard, 'Halvard Maritime'],
      [kestrava, 'Kestrava'],
      [halvard, 'Halvard'],
      [kestrava, 'Kestrava'],
    ]);
  });

  it('turns a mention into an excerpt of its sentence, tagged with the entity, with the date offered', async () => {
    const start = text.indexOf('Halvard Maritime');
    const x = await call<{ id: string; quote: string; entities: { id: string }[] }>('mentions:toExcerpt', { sourceId, start });
    expect(x.quote).toBe('The delegation of Halvard Maritime met the harbour board in Kestrava on 4 May 2026.');
    expect(x.entities.map((e) => e.id)).toEqual([halvard]);
    expect(await call('excerpts:dateSuggestions', { id: x.id })).toEqual(['2026-05-04']);
  });

  it('keeps a dismissed mention dismissed when the corpus is scanned again', async () => {
    const start = text.lastIndexOf('Kestrava');
    expect(await call('mentions:dismiss', { sourceId, start })).toEqual({ dismissed: true });
    await call('entities:addAlias', { id: kestrava, alias: 'Kestrava officials' });
    // The alias scan runs in the background: wait for the job to finish.
    for (let i = 0; i < 100; i++) {
      const jobs = await call<{ finished: boolean }[]>('jobs:status', {});
      if (jobs.every((j) => j.finished)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const marks = await call<{ start: number; end: number }[]>('mentions:source', { sourceId });
    expect(marks.map((m) => text.slice(m.start, m.end))).toEqual(['Halvard Maritime', 'Kestrava', 'Halvard', 'Kestrava officials']);
  });

  it('merges two entities and undoes the merge', async () => {
    const board = (await call<{ id: string }>('entities:create', { name: 'harbour board', type: 'organization' })).id;
    const { mergeId, entity } = await call<{ mergeId: number; entity: { aliases: string[]; mentionCount: number } }>('entities:merge', { keepId: halvard, otherId: board });
    expect(entity.aliases).toContain('harbour board');
    expect(entity.mentionCount).toBe(3);
    const { restored, survivor } = await call<{ restored: { id: string; mentionCount: number }; survivor: { aliases: string[]; mentionCount: number } }>('entities:undoMerge', { mergeId });
    expect(restored.id).toBe(board);
    expect(restored.mentionCount).toBe(1);
    expect(survivor.aliases).toEqual(['Halvard']);
    expect(survivor.mentionCount).toBe(2);
  });

  it('gives every co-occurrence edge its passages', async () => {
    const graph = await call<{ edges: { source: string; target: string; kind: string; weight: number }[] }>('analysis:graph', {});
    const edge = graph.edges.find((e) => e.kind === 'cooccurrence' && [e.source, e.target].sort().join() === [halvard, kestrava].sort().join());
    expect(edge?.weight).toBeGreaterThan(0);
    const evidence = await call<{ paragraphs: { text: string }[] }>('analysis:evidence', { a: [halvard, kestrava].sort()[0], b: [halvard, kestrava].sort()[1] });
    expect(evidence.paragraphs[0].text).toContain('The delegation of Halvard Maritime');
  });
});
