import type { Migration } from './migration';
import type { BriefDocument } from '../brief/document';
import { entityMentionsOf } from '../brief/walk';

// The entities each brief names with an `@` mention, kept beside the brief as its
// citations are (brief_citations), so an entity's page finds the briefs that mention it
// by index instead of searching every brief's JSON for `"entityId":"…"`. A data
// migration: existing briefs are read once to fill it.
export const migration010: Migration = {
  version: 10,
  name: 'brief entity mentions',
  up: (db) => {
    db.exec(`
CREATE TABLE brief_entity_mentions (
  brief_id  TEXT NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL,
  PRIMARY KEY (brief_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX brief_entity_mentions_entity ON brief_entity_mentions(entity_id);`);
    const insert = db.prepare(`INSERT OR IGNORE INTO brief_entity_mentions (brief_id, entity_id) VALUES (?, ?)`);
    // all(), not iterate(): better-sqlite3 allows no write while a read is being stepped through.
    for (const row of db.prepare(`SELECT id, document FROM briefs`).all() as { id: string; document: string }[]) {
      // The schema keeps every document valid JSON; one without a root names nothing.
      const doc = JSON.parse(row.document) as BriefDocument | null;
      if (doc?.root) for (const entityId of entityMentionsOf(doc)) insert.run(row.id, entityId);
    }
  },
};
