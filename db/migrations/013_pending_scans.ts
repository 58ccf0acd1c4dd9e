import type { Migration } from './migration';

// Scans for a new name across the corpus, journaled: written in the same transaction as
// the name, removed when the scan is done. One still here when a workspace opens was
// interrupted (a kill, a crash, the app closed mid-way) and is run again.
export const migration013: Migration = {
  version: 13,
  name: 'pending scans',
  up: `
CREATE TABLE pending_scans (
  entity_id  TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (entity_id, name)
) WITHOUT ROWID;`,
};
