// Entity suggestions keep what the recogniser found in each text in the workspace, so a
// second `suggestions` (a new process, the app restarted) does not recognise the corpus
// again — and gives the same answer.
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../db/workspace';
import { importAll } from '../../electron/services/importer';
import { suggestEntities, suggestionProgress } from '../../electron/services/suggestions';
import { Recogniser } from '../../electron/services/mentions/recogniser';
import { chunksOf, recogniseText } from '../../electron/services/mentions/recogniseText';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-suggestions-');
afterAll(() => tmp.cleanup());

const texts = {
  'a.txt': 'Port talks stall\n\nMaria Kowalski of the Harbour Authority met Jonas Berg in Rotterdam on Monday. Maria Kowalski said the talks would resume.',
  'b.txt': 'Cranes idle\n\nJonas Berg told reporters in Antwerp that the cranes had been idle since March.',
};

describe('entity suggestions', () => {
  const ws = tmp.path('ws.sqlite');

  it('recognises each text once and keeps the names in the workspace', async () => {
    const db = openWorkspace(ws);
    await importAll(
      db,
      Object.entries(texts).map(([name, text]) => ({ path: name, name, size: text.length, read: () => Buffer.from(text) })),
    );
    const first = await suggestEntities(db);
    expect(first.map((s) => s.name)).toContain('Jonas Berg');
    expect(first.find((s) => s.name === 'Jonas Berg')!.count).toBe(2);
    const rows = db.prepare(`SELECT content_hash FROM recognised_names`).all() as { content_hash: string }[];
    expect(rows).toHaveLength(2);
    // Stored names are what the next call uses: a planted name shows up, so it was not recognised again.
    const hash = rows[0].content_hash;
    const stored = JSON.parse((db.prepare(`SELECT names FROM recognised_names WHERE content_hash = ?`).get(hash) as { names: string }).names) as unknown[];
    db.prepare(`UPDATE recognised_names SET names = ? WHERE content_hash = ?`).run(JSON.stringify([...stored, { name: 'Planted Name', type: 'person', offset: 0 }]), hash);
    expect((await suggestEntities(db)).map((s) => s.name)).toContain('Planted Name');
    db.prepare(`UPDATE recognised_names SET names = ? WHERE content_hash = ?`).run(JSON.stringify(stored), hash);
    expect(await suggestEntities(db)).toEqual(first);
    db.close();
  });

  it('says how far the reading has got, of the sources it reads (English ones)', async () => {
    const db = openWorkspace(tmp.path('progress.sqlite'));
    const spanish = 'Puerto cerrado\n\nLa autoridad portuaria cerró el martes la terminal principal de granos tras una semana de protestas, según dijeron los funcionarios del ministerio a la prensa local.';
    await importAll(
      db,
      [...Object.entries(texts), ['c.txt', spanish] as const].map(([name, text]) => ({ path: name, name, size: Buffer.byteLength(text), read: () => Buffer.from(text) })),
    );
    expect(suggestionProgress(db)).toEqual({ read: 0, total: 2 });
    await suggestEntities(db);
    expect(suggestionProgress(db)).toEqual({ read: 2, total: 2 });
    db.close();
  });

  it('recognises a text again when its stored names are damaged, and repairs them', async () => {
    const db = openWorkspace(ws);
    const before = await suggestEntities(db);
    db.prepare(`UPDATE recognised_names SET names = '{not json'`).run();
    expect(await suggestEntities(db)).toEqual(before);
    const names = db.prepare(`SELECT names FROM recognised_names`).all() as { names: string }[];
    for (const n of names) expect(() => JSON.parse(n.names)).not.toThrow();
    db.close();
  });

  it('still suggests from a read-only workspace, storing nothing', async () => {
    const rw = openWorkspace(ws);
    const expected = await suggestEntities(rw);
    rw.prepare(`DELETE FROM recognised_names`).run();
    rw.close();
    const ro = openWorkspace(ws, { readonly: true });
    expect(await suggestEntities(ro)).toEqual(expected);
    expect(ro.prepare(`SELECT count(*) AS n FROM recognised_names`).get()).toEqual({ n: 0 });
    ro.close();
  });

  it('recognises a large text in a worker on bounded chunks while this thread keeps answering', async () => {
    const paragraph = 'Jonas Berg met officials of the Harbour Authority in Rotterdam on Tuesday. The meeting was short.\n\n';
    const text = paragraph.repeat(Math.ceil(1_500_000 / paragraph.length));
    const chunks = chunksOf(text);
    expect(chunks.length).toBeGreaterThan(50);
    expect(chunks.every(([a, b]) => b - a <= 20_000 && (b === text.length || text.slice(b - 2, b) === '\n\n'))).toBe(true);
    const recogniser = new Recogniser();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const r = await recogniser.recognise(text);
    clearInterval(ticker);
    expect('found' in r && r.found.filter((f) => f.name === 'Jonas Berg').length).toBe(chunks.length > 0 ? Math.ceil(1_500_000 / paragraph.length) : 0);
    // The timer kept running: recognition did not hold this thread.
    expect(ticks).toBeGreaterThan(5);
  });

  it('fails a text that exhausts its memory or its time, and goes on with the next one', async () => {
    const text = recogniseTextFixture();
    // 24 MB: the 1.5 MB text needs more, while the worker itself starts well within it (at 8 MB,
    // V8 could run out while the worker was still starting and abort the whole test process).
    const starved = new Recogniser({ maxHeapMb: 24 });
    // Out of memory starting or recognising: either way the text fails and nothing else does.
    expect(await starved.recognise(text)).toEqual({ failed: expect.stringMatching(/memory/) });
    const hurried = new Recogniser({ time: { baseMs: 1, perMbMs: 0 } });
    expect(await hurried.recognise(text)).toEqual({ failed: expect.stringMatching(/took longer than/) });
    const r = await starved.recognise('Jonas Berg');
    expect('found' in r || 'failed' in r).toBe(true); // answered, not hung
    const fine = await new Recogniser().recognise('Jonas Berg met Anna Holm in Oslo.');
    expect(fine).toEqual({ found: recogniseText('Jonas Berg met Anna Holm in Oslo.') });
  });
});

function recogniseTextFixture(): string {
  return 'Jonas Berg met officials of the Harbour Authority in Rotterdam on Tuesday.\n\n'.repeat(20_000);
}
