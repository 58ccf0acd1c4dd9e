import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../db/workspace';
import { migrations } from '../../../db/migrations';
import { insertSource } from '../../../db/sources';
import { quickOpen } from '../../../db/quickOpen';

describe('quick open', () => {
  const db = new Database(':memory:');
  migrate(db, migrations);
  const put = (title: string, publisher: string | null = null) =>
    insertSource(db, { title, author: null, publisher, publishedAt: null, url: null, language: null, format: 'text', originalName: null, text: `${title}.`, original: null });
  const minutes = put('Harbour board minutes, March', 'Port Gazette');
  const cranes = put('Cranes idle at the harbour');
  put('Tug crews 100% back');
  db.prepare(`INSERT INTO entities (id, name, type, created_at) VALUES ('ent_1', 'Halvard Maritime', 'organization', 'now')`).run();
  db.prepare(`INSERT INTO entity_aliases (entity_id, alias) VALUES ('ent_1', 'HalMar')`).run();

  it('finds by every word of the name, the names beginning with the query first', () => {
    expect(quickOpen(db, 'harbour').filter((i) => i.kind === 'source').map((i) => i.id)).toEqual([minutes, cranes]);
    expect(quickOpen(db, 'minutes harbour')).toEqual([{ kind: 'source', id: minutes, title: 'Harbour board minutes, March', detail: 'Port Gazette', sourceId: null }]);
    expect(quickOpen(db, 'halmar').map((i) => [i.kind, i.title])).toEqual([['entity', 'Halvard Maritime']]);
  });

  it('takes % and _ as themselves, and lists the newest when nothing is typed', () => {
    expect(quickOpen(db, '100%').map((i) => i.title)).toEqual(['Tug crews 100% back']);
    expect(quickOpen(db, '_')).toEqual([]);
    expect(quickOpen(db, '', 2).filter((i) => i.kind === 'source')).toHaveLength(2);
  });
});
