// Each migration upgrades a workspace of the version before it without losing its data.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../db/workspace';
import { migrations } from '../../../db/migrations';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);
const now = new Date().toISOString();

function workspaceAt(version: number) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, upTo(version));
  db.prepare(`INSERT INTO sources (id, title, publisher, original_format, captured_at, created_at, updated_at) VALUES ('src_a', 'Kept', 'Harbour Watch', 'text', ?, ?, ?)`).run(now, now, now);
  db.prepare(`INSERT INTO source_versions (source_id, version, text, content_hash, created_at) VALUES ('src_a', 1, 'The crane fell.', 'h', ?)`).run(now);
  db.prepare(`INSERT INTO excerpts (id, source_id, version, start, end, quote, created_at, updated_at) VALUES ('exc_a', 'src_a', 1, 4, 9, 'crane', ?, ?)`).run(now, now);
  db.prepare(`INSERT INTO briefs (id, title, document, created_at, updated_at) VALUES ('brf_a', 'Brief', '{"root":{"type":"root","children":[]}}', ?, ?)`).run(now, now);
  return db;
}

const kept = (db: Database.Database) => ({
  source: db.prepare(`SELECT title FROM sources`).get(),
  excerpt: db.prepare(`SELECT quote FROM excerpts`).get(),
  brief: db.prepare(`SELECT title FROM briefs`).get(),
});

describe('migrations 003–006', () => {
  it('003 adds page maps, previous quotes and publisher grades', () => {
    const db = workspaceAt(2);
    migrate(db, upTo(3));
    expect(kept(db)).toEqual({ source: { title: 'Kept' }, excerpt: { quote: 'crane' }, brief: { title: 'Brief' } });
    db.prepare(`UPDATE source_versions SET pages = '[[0,15]]'`).run();
    expect(() => db.prepare(`UPDATE source_versions SET pages = 'not json'`).run()).toThrow(/CHECK/);
    db.prepare(`INSERT INTO publishers (name, reliability) VALUES ('harbour watch', 'B')`).run();
    expect(db.prepare(`SELECT reliability FROM publishers WHERE name = 'Harbour Watch'`).get()).toEqual({ reliability: 'B' });
  });

  it('004 adds aliases, mentions, relations and event dates that must be dates', () => {
    const db = workspaceAt(3);
    migrate(db, upTo(4));
    expect(kept(db)).toEqual({ source: { title: 'Kept' }, excerpt: { quote: 'crane' }, brief: { title: 'Brief' } });
    db.prepare(`UPDATE excerpts SET event_date = '2024-03'`).run();
    expect(() => db.prepare(`UPDATE excerpts SET event_date = 'March'`).run()).toThrow(/CHECK/);
    db.prepare(`INSERT INTO entities (id, name, type, created_at) VALUES ('ent_a', 'Crane Co', 'organization', ?)`).run(now);
    db.prepare(`INSERT INTO mentions (source_id, start, end, entity_id, text, paragraph) VALUES ('src_a', 4, 9, 'ent_a', 'crane', 0)`).run();
    db.prepare(`DELETE FROM entities`).run();
    expect(db.prepare(`SELECT count(*) AS n FROM mentions`).get()).toEqual({ n: 0 });
  });

  it('005 adds brief snapshots, gone with their brief', () => {
    const db = workspaceAt(4);
    migrate(db, upTo(5));
    db.prepare(`INSERT INTO brief_snapshots (brief_id, title, document, words, reason, created_at) VALUES ('brf_a', 'Brief', '{}', 0, 'auto', ?)`).run(now);
    expect(() => db.prepare(`INSERT INTO brief_snapshots (brief_id, title, document, words, reason, created_at) VALUES ('brf_a', 'B', '{}', 0, 'whim', ?)`).run(now)).toThrow(/CHECK/);
    db.prepare(`DELETE FROM briefs`).run();
    expect(db.prepare(`SELECT count(*) AS n FROM brief_snapshots`).get()).toEqual({ n: 0 });
  });

  it('006 adds a brief author, empty for existing briefs', () => {
    const db = workspaceAt(5);
    migrate(db, upTo(6));
    expect(db.prepare(`SELECT title, author FROM briefs`).get()).toEqual({ title: 'Brief', author: null });
  });
});
