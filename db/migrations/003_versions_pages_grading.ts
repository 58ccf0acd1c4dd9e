import type { Migration } from './migration';

// Sources that survive re-import, and grading:
// - a version may carry its page map (PDF): [[start, end], ...] for pages 1..n, offsets
//   into that version's text, so an excerpt knows its page;
// - an excerpt remembers the quote it had before its last re-anchoring, so a fuzzy or
//   orphaned one can be reviewed against what it was;
// - a publisher's reliability is set once and becomes the default of its sources.
export const migration003: Migration = {
  version: 3,
  name: 'versions, pages and grading',
  up: `
ALTER TABLE source_versions ADD COLUMN pages TEXT CHECK (pages IS NULL OR json_valid(pages));
ALTER TABLE source_versions ADD COLUMN original_name TEXT;
ALTER TABLE excerpts ADD COLUMN previous_quote TEXT;
ALTER TABLE excerpts ADD COLUMN reanchored_at TEXT;
CREATE TABLE publishers (
  name        TEXT PRIMARY KEY COLLATE NOCASE,
  reliability TEXT NOT NULL CHECK (reliability IN ('A','B','C','D','E','F'))
) WITHOUT ROWID;
`,
};
