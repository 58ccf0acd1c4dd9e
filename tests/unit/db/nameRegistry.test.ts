// The name registry's token (migration 009) changes with every entity name and alias, in
// whichever connection, and only then: the mention matcher is rebuilt exactly when a name
// changed. Two connections to one workspace file stand for the app and the command line.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAlias, createEntity, deleteEntity, namesToken, removeAlias, renameEntity, updateEntityFields } from '../../../db/entities';
import { mentionsInSource } from '../../../db/mentions';
import { openWorkspace, type Db } from '../../../db/workspace';
import { importAll } from '../../../electron/services/importer';
import { tempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  tmp = tempDir();
  db = openWorkspace(tmp.path('ws.sqlite'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const changes = (fn: () => void) => {
  const before = namesToken(db);
  fn();
  return namesToken(db) !== before;
};

describe('name registry token', () => {
  it('changes when a name or an alias is added, renamed or removed, and not otherwise', () => {
    let id = '';
    expect(changes(() => (id = createEntity(db, 'Halvard Maritime', 'organization').id))).toBe(true);
    expect(changes(() => addAlias(db, id, 'Halvard'))).toBe(true);
    expect(changes(() => renameEntity(db, id, 'Halvard Maritime AS'))).toBe(true);
    expect(changes(() => updateEntityFields(db, id, { description: 'A shipping line' }))).toBe(false);
    expect(changes(() => removeAlias(db, id, 'Halvard'))).toBe(true);
    expect(changes(() => deleteEntity(db, id))).toBe(true);
  });

  it('comes back with a rolled-back change', () => {
    const before = namesToken(db);
    expect(() =>
      db.transaction(() => {
        createEntity(db, 'Kestrava Port Authority', 'organization');
        throw new Error('no');
      })(),
    ).toThrow('no');
    expect(namesToken(db)).toBe(before);
  });

  it('lets an import see a name added by another connection since its last import', async () => {
    const file = (name: string, text: string) => ({ path: name, name, size: text.length, read: () => Buffer.from(text) });
    await importAll(db, [file('a.txt', 'First note\n\nNothing of note happened at the quay.')], { workers: false });
    const other = openWorkspace(tmp.path('ws.sqlite'));
    createEntity(other, 'Northgate Logistics', 'organization');
    other.close();
    const report = await importAll(db, [file('b.txt', 'Second note\n\nNorthgate Logistics moved two cranes.')], { workers: false });
    expect(mentionsInSource(db, report.imported[0].id).map((m) => m.text)).toEqual(['Northgate Logistics']);
  });
});
