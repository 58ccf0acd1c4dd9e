import type { Migration } from './migration';

// Entities that connect the evidence: aliases, mentions found across the corpus (and
// the ones the analyst dismissed), rejected suggestions, explicit relationships backed
// by excerpts, event dates on excerpts, and merges that can be undone.
export const migration004: Migration = {
  version: 4,
  name: 'entities: aliases, mentions, relations, event dates',
  up: `
CREATE TABLE entity_aliases (
  entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias     TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_alias ON entity_aliases(alias);

-- Occurrences of a name or alias in a source's current text; rebuilt per source on
-- import and re-import, per alias when aliases change.
CREATE TABLE mentions (
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  start     INTEGER NOT NULL,
  end       INTEGER NOT NULL,
  entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  text      TEXT NOT NULL,
  -- The paragraph (blank-line separated block) of the source it falls in: co-occurrence
  -- counts paragraphs mentioning both entities.
  paragraph INTEGER NOT NULL,
  PRIMARY KEY (source_id, start)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity_id, source_id);
CREATE INDEX mentions_paragraph ON mentions(source_id, paragraph);

-- A dismissed mention stays dismissed: keyed by where it was and what it said.
CREATE TABLE mention_dismissals (
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  start     INTEGER NOT NULL,
  text      TEXT NOT NULL,
  PRIMARY KEY (source_id, entity_id, start)
) WITHOUT ROWID;

CREATE TABLE rejected_suggestions (
  name TEXT PRIMARY KEY COLLATE NOCASE
) WITHOUT ROWID;

CREATE TABLE relations (
  id         TEXT PRIMARY KEY,
  from_id    TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  to_id      TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  label      TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX relations_ends ON relations(from_id, to_id);
CREATE TABLE relation_evidence (
  relation_id TEXT NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
  excerpt_id  TEXT NOT NULL REFERENCES excerpts(id) ON DELETE CASCADE,
  PRIMARY KEY (relation_id, excerpt_id)
) WITHOUT ROWID;

ALTER TABLE excerpts ADD COLUMN event_date TEXT CHECK (event_date IS NULL OR event_date GLOB '[0-9][0-9][0-9][0-9]' OR event_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR event_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');
CREATE INDEX excerpts_event_date ON excerpts(event_date) WHERE event_date IS NOT NULL;

-- What a merge changed, so it can be undone: the merged entity's row and every link it had.
CREATE TABLE entity_merges (
  id          INTEGER PRIMARY KEY,
  survivor_id TEXT NOT NULL,
  merged_id   TEXT NOT NULL,
  snapshot    TEXT NOT NULL CHECK (json_valid(snapshot)),
  created_at  TEXT NOT NULL,
  undone_at   TEXT
);
`,
};
