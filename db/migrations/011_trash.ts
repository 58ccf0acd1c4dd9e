import type { Migration } from './migration';

// The Trash (db/trash.ts): each deleted item with everything that hung on it, as JSON, so
// it can be put back with its ids. `id` is the item's own id (src_…, exc_…, brf_…, ent_…).
export const migration011: Migration = {
  version: 11,
  name: 'trash',
  up: `
CREATE TABLE trash (
  id         TEXT PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('source', 'excerpt', 'brief', 'entity')),
  title      TEXT NOT NULL,
  deleted_at TEXT NOT NULL,
  payload    TEXT NOT NULL CHECK (json_valid(payload))
);
CREATE INDEX trash_deleted_at ON trash(deleted_at);`,
};
