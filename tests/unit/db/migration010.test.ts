import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../db/workspace';
import { migrations } from '../../../db/migrations';
import { briefsAboutEntity, createBrief, saveBrief } from '../../../db/briefs';
import { paragraphNode, rootNode, textNode, type SerializedNode } from '../../../db/brief/document';

const mention = (entityId: string, name: string) => ({ type: 'entity-mention', version: 1, entityId, name }) as unknown as SerializedNode;
const docNaming = (...ids: string[]) => rootNode([paragraphNode([textNode('Seen: '), ...ids.map((id) => mention(id, id))])]);

describe('migration 010 (brief entity mentions)', () => {
  it("indexes the entities existing briefs name, once each, and skips a document without a root", () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 9));
    const now = new Date().toISOString();
    const put = db.prepare(`INSERT INTO briefs (id, title, document, plain_text, created_at, updated_at) VALUES (?, ?, ?, '', ?, ?)`);
    put.run('brf_a', 'Port', JSON.stringify(docNaming('ent_x', 'ent_y', 'ent_x')), now, now);
    put.run('brf_b', 'Odd', '{"root": null}', now, now);
    put.run('brf_c', 'Plain', JSON.stringify(rootNode([paragraphNode([textNode('"entityId":"ent_x" typed as text')])])), now, now);
    migrate(db, migrations.slice(0, 10));
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(db.prepare(`SELECT brief_id, entity_id FROM brief_entity_mentions ORDER BY 1, 2`).all()).toEqual([
      { brief_id: 'brf_a', entity_id: 'ent_x' },
      { brief_id: 'brf_a', entity_id: 'ent_y' },
    ]);
    expect(db.prepare(`SELECT document FROM briefs WHERE id = 'brf_b'`).pluck().get()).toBe('{"root": null}');
  });

  it('follows a brief as it is saved and deleted', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    db.pragma('foreign_keys = ON');
    const id = createBrief(db, 'Harbour', docNaming('ent_x'));
    expect(briefsAboutEntity(db, 'ent_x')).toEqual([{ id, title: 'Harbour', via: 'mention' }]);
    saveBrief(db, id, { document: docNaming('ent_y') });
    expect(briefsAboutEntity(db, 'ent_x')).toEqual([]);
    expect(briefsAboutEntity(db, 'ent_y')).toEqual([{ id, title: 'Harbour', via: 'mention' }]);
    db.prepare(`DELETE FROM briefs WHERE id = ?`).run(id);
    expect(db.prepare(`SELECT count(*) FROM brief_entity_mentions`).pluck().get()).toBe(0);
  });
});
