import type { Migration } from './migration';

// A brief's history: snapshots taken on a cadence while it is edited, on demand, and
// before a restore, so no restore ever loses the current text.
export const migration005: Migration = {
  version: 5,
  name: 'brief history',
  up: `
CREATE TABLE brief_snapshots (
  id         INTEGER PRIMARY KEY,
  brief_id   TEXT NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
  title      TEXT NOT NULL,
  document   TEXT NOT NULL CHECK (json_valid(document)),
  words      INTEGER NOT NULL,
  reason     TEXT NOT NULL CHECK (reason IN ('auto', 'manual', 'before-restore')),
  created_at TEXT NOT NULL
);
CREATE INDEX brief_snapshots_brief ON brief_snapshots(brief_id, id);
`,
};
