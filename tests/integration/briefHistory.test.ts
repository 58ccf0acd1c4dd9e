// A brief's history: snapshots on a cadence and on demand; a restore never loses the
// current text. And "cited in" for an excerpt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from '../../electron/services/session';
import { createRouter, type Router } from '../../electron/ipc/router';
import { saveBriefWithHistory, SNAPSHOT_INTERVAL_MS } from '../../electron/services/briefHistory';
import { paragraphNode, rootNode, textNode, citationNode } from '../../db/brief/document';
import { tempDir } from '../helpers/tmp';
import { chromiumPrinter } from '../../electron/services/export/chromiumPrinter';

const tmp = tempDir('sourcebook-history-');
let session: Session;
let route: Router;
const call = async <T>(channel: string, payload: unknown): Promise<T> => {
  const reply = await route(channel, payload);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
};
const doc = (text: string) => rootNode([paragraphNode([textNode(text)])]);

beforeAll(async () => {
  session = await openSession(tmp.path('ws.sqlite'), { printer: chromiumPrinter(), sample: false });
  route = createRouter(session, () => {});
});
afterAll(async () => {
  await session.close();
  tmp.cleanup();
});

describe('brief history', () => {
  let briefId = '';

  it('keeps a snapshot on the first save and then at most every five minutes', async () => {
    briefId = (await call<{ id: string }>('briefs:create', { title: 'Draft' })).id;
    const t0 = Date.now();
    saveBriefWithHistory(session.db, briefId, { document: doc('one two three') }, t0);
    saveBriefWithHistory(session.db, briefId, { document: doc('one two three four') }, t0 + 1000);
    expect(await call<unknown[]>('briefs:history', { id: briefId })).toHaveLength(1);
    // The cadence is measured from the newest snapshot's time.
    const [{ createdAt }] = await call<{ createdAt: string }[]>('briefs:history', { id: briefId });
    saveBriefWithHistory(session.db, briefId, { document: doc('one two three four five') }, Date.parse(createdAt) + SNAPSHOT_INTERVAL_MS);
    const list = await call<{ words: number; change: number; reason: string }[]>('briefs:history', { id: briefId });
    expect(list.map((s) => [s.words, s.change, s.reason])).toEqual([
      [5, 2, 'auto'],
      [3, 0, 'auto'],
    ]);
  });

  it('restores a snapshot after snapshotting the current text', async () => {
    await call('briefs:save', { id: briefId, document: doc('the newest words, not yet snapshotted') });
    const oldest = (await call<{ id: number }[]>('briefs:history', { id: briefId })).at(-1)!;
    const restored = await call<{ document: unknown }>('briefs:restore', { id: briefId, snapshotId: oldest.id });
    expect(JSON.stringify(restored.document)).toContain('one two three');
    const history = await call<{ id: number; reason: string }[]>('briefs:history', { id: briefId });
    expect(history[0].reason).toBe('before-restore');
    const before = await call<{ document: unknown }>('briefs:snapshotGet', { id: briefId, snapshotId: history[0].id });
    expect(JSON.stringify(before.document)).toContain('the newest words, not yet snapshotted');
  });

  it('takes a snapshot on demand, and refuses a snapshot of another brief', async () => {
    const manual = await call<{ reason: string }>('briefs:snapshot', { id: briefId });
    expect(manual.reason).toBe('manual');
    const other = (await call<{ id: string }>('briefs:create', { title: 'Other' })).id;
    const [snap] = await call<{ id: number }[]>('briefs:history', { id: briefId });
    const reply = await route('briefs:restore', { id: other, snapshotId: snap.id });
    expect(reply).toEqual({ ok: false, error: `No snapshot ${snap.id} of brief ${other}.` });
  });

  it('lists where an excerpt, and its source, are cited', async () => {
    const src = await call<{ imported: { id: string }[] }>('sources:import', { files: [{ name: 'a.txt', data: Buffer.from('Note\n\nThe crane fell.').toString('base64') }] });
    const sourceId = src.imported[0].id;
    const x = await call<{ id: string; quote: string }>('excerpts:create', { sourceId, start: 6, end: 20 });
    const cite = citationNode(x.id, x.quote);
    await call('briefs:save', { id: briefId, document: rootNode([paragraphNode([textNode('A '), cite, textNode(' and '), cite])]) });
    expect(await call('excerpts:citedIn', { id: x.id })).toEqual([{ briefId, title: 'Draft', positions: [0, 1] }]);
    expect(await call('sources:citedIn', { id: sourceId })).toEqual([{ briefId, title: 'Draft', citations: 2 }]);
  });
});
