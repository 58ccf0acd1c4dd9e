// Entity suggestions keep what the recogniser found in each text in the workspace, so a
// second `suggestions` (a new process, the app restarted) does not recognise the corpus
// again — and gives the same answer.
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../db/workspace';
import { importAll } from '../../electron/services/importer';
import { suggestEntities } from '../../electron/services/suggestions';
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
    const first = suggestEntities(db);
    expect(first.map((s) => s.name)).toContain('Jonas Berg');
    expect(first.find((s) => s.name === 'Jonas Berg')!.count).toBe(2);
    const rows = db.prepare(`SELECT content_hash FROM recognised_names`).all() as { content_hash: string }[];
    expect(rows).toHaveLength(2);
    // Stored names are what the next call uses: a planted name shows up, so it was not recognised again.
    const hash = rows[0].content_hash;
    const stored = JSON.parse((db.prepare(`SELECT names FROM recognised_names WHERE content_hash = ?`).get(hash) as { names: string }).names) as unknown[];
    db.prepare(`UPDATE recognised_names SET names = ? WHERE content_hash = ?`).run(JSON.stringify([...stored, { name: 'Planted Name', type: 'person', offset: 0 }]), hash);
    expect(suggestEntities(db).map((s) => s.name)).toContain('Planted Name');
    db.prepare(`UPDATE recognised_names SET names = ? WHERE content_hash = ?`).run(JSON.stringify(stored), hash);
    expect(suggestEntities(db)).toEqual(first);
    db.close();
  });

  it('recognises a text again when its stored names are damaged, and repairs them', () => {
    const db = openWorkspace(ws);
    const before = suggestEntities(db);
    db.prepare(`UPDATE recognised_names SET names = '{not json'`).run();
    expect(suggestEntities(db)).toEqual(before);
    const names = db.prepare(`SELECT names FROM recognised_names`).all() as { names: string }[];
    for (const n of names) expect(() => JSON.parse(n.names)).not.toThrow();
    db.close();
  });

  it('still suggests from a read-only workspace, storing nothing', () => {
    const rw = openWorkspace(ws);
    const expected = suggestEntities(rw);
    rw.prepare(`DELETE FROM recognised_names`).run();
    rw.close();
    const ro = openWorkspace(ws, { readonly: true });
    expect(suggestEntities(ro)).toEqual(expected);
    expect(ro.prepare(`SELECT count(*) AS n FROM recognised_names`).get()).toEqual({ n: 0 });
    ro.close();
  });
});
