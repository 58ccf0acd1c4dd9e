import type { Migration } from './migration';

// Saved searches (issue #13, as Zotero's): a name and the query as typed, in the search
// language of db/searchQuery.ts. Nothing of the results is kept: the sidebar runs each
// one again when the workspace changes, so a saved search stays live. The query is text
// (never SQL), read by the same parser as what a person types.
export const migration019: Migration = {
  version: 19,
  name: 'saved searches',
  up: `
CREATE TABLE saved_searches (
  seq        INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  query      TEXT NOT NULL CHECK (length(query) BETWEEN 1 AND 1000),
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX saved_searches_name ON saved_searches(name COLLATE NOCASE);
`,
};
