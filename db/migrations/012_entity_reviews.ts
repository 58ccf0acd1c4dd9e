import type { Migration } from './migration';

// Entities a merge could not place by itself (db/merge.ts): a name shared with entities
// of another type, or with two entities. They wait here for the analyst, with the
// excerpts they were linked to, instead of being merged by guess.
export const migration012: Migration = {
  version: 12,
  name: 'entity reviews',
  up: `
CREATE TABLE entity_reviews (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  type        TEXT NOT NULL,
  aliases     TEXT NOT NULL CHECK (json_valid(aliases)),
  description TEXT NOT NULL DEFAULT '',
  candidates  TEXT NOT NULL CHECK (json_valid(candidates)),
  excerpt_ids TEXT NOT NULL CHECK (json_valid(excerpt_ids)),
  came_from   TEXT NOT NULL,
  created_at  TEXT NOT NULL
);`,
};
