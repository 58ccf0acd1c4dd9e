import type { Migration } from './migration';

// The first schema: sources with versions, excerpts with anchors, tags, entities,
// briefs with their citations, and the FTS5 indexes with the triggers that keep them
// in sync (FTS lives with the table it indexes: STYLE.md rule 6).
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up: `
CREATE TABLE sources (
  seq             INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  title           TEXT NOT NULL,
  author          TEXT,
  publisher       TEXT,
  published_at    TEXT,
  url             TEXT,
  language        TEXT,
  reliability     TEXT CHECK (reliability IN ('A','B','C','D','E','F')),
  original_format TEXT NOT NULL,
  original_name   TEXT,
  captured_at     TEXT NOT NULL,
  current_version INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);

CREATE TABLE source_versions (
  source_id    TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  version      INTEGER NOT NULL,
  text         TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  original     BLOB,
  created_at   TEXT NOT NULL,
  PRIMARY KEY (source_id, version)
);
CREATE INDEX source_versions_hash ON source_versions(content_hash);

CREATE TABLE excerpts (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  source_id    TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  version      INTEGER NOT NULL,
  start        INTEGER NOT NULL CHECK (start >= 0),
  end          INTEGER NOT NULL CHECK (end > start),
  quote        TEXT NOT NULL,
  prefix       TEXT NOT NULL DEFAULT '',
  suffix       TEXT NOT NULL DEFAULT '',
  note         TEXT NOT NULL DEFAULT '',
  credibility  INTEGER CHECK (credibility BETWEEN 1 AND 6),
  anchor_state TEXT NOT NULL DEFAULT 'exact' CHECK (anchor_state IN ('exact','moved','fuzzy','orphaned')),
  anchor_score REAL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX excerpts_source ON excerpts(source_id, start);

CREATE TABLE tags (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE excerpt_tags (
  excerpt_id TEXT NOT NULL REFERENCES excerpts(id) ON DELETE CASCADE,
  tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (excerpt_id, tag_id)
) WITHOUT ROWID;

CREATE TABLE entities (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  type        TEXT NOT NULL CHECK (type IN ('person','organization','location','event','other')),
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX entities_name ON entities(name COLLATE NOCASE);
CREATE TABLE excerpt_entities (
  excerpt_id TEXT NOT NULL REFERENCES excerpts(id) ON DELETE CASCADE,
  entity_id  TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  PRIMARY KEY (excerpt_id, entity_id)
) WITHOUT ROWID;

CREATE TABLE briefs (
  seq        INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  title      TEXT NOT NULL,
  document   TEXT NOT NULL CHECK (json_valid(document)),
  plain_text TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- Derived from the brief document on every save; no foreign key to excerpts on purpose:
-- a citation outlives a deleted excerpt and shows it as deleted.
CREATE TABLE brief_citations (
  brief_id   TEXT NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  excerpt_id TEXT NOT NULL,
  PRIMARY KEY (brief_id, position)
) WITHOUT ROWID;
CREATE INDEX brief_citations_excerpt ON brief_citations(excerpt_id);

CREATE VIRTUAL TABLE sources_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
-- A source is indexed once its text is there: the version insert (the source row comes
-- first, its first version right after) writes the index row, so an import indexes once.
CREATE TRIGGER sources_fts_update AFTER UPDATE OF title, current_version ON sources BEGIN
  DELETE FROM sources_fts WHERE rowid = new.seq;
  INSERT INTO sources_fts(rowid, title, body) SELECT new.seq, new.title, v.text
    FROM source_versions v WHERE v.source_id = new.id AND v.version = new.current_version;
END;
CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN
  DELETE FROM sources_fts WHERE rowid = old.seq;
END;
CREATE TRIGGER sources_fts_version AFTER INSERT ON source_versions BEGIN
  DELETE FROM sources_fts WHERE rowid = (SELECT seq FROM sources WHERE id = new.source_id AND current_version = new.version);
  INSERT INTO sources_fts(rowid, title, body) SELECT seq, title, new.text FROM sources WHERE id = new.source_id AND current_version = new.version;
END;

CREATE VIRTUAL TABLE excerpts_fts USING fts5(quote, note, tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER excerpts_fts_insert AFTER INSERT ON excerpts BEGIN
  INSERT INTO excerpts_fts(rowid, quote, note) VALUES (new.seq, new.quote, new.note);
END;
CREATE TRIGGER excerpts_fts_update AFTER UPDATE OF quote, note ON excerpts BEGIN
  UPDATE excerpts_fts SET quote = new.quote, note = new.note WHERE rowid = new.seq;
END;
CREATE TRIGGER excerpts_fts_delete AFTER DELETE ON excerpts BEGIN
  DELETE FROM excerpts_fts WHERE rowid = old.seq;
END;

CREATE VIRTUAL TABLE briefs_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER briefs_fts_insert AFTER INSERT ON briefs BEGIN
  INSERT INTO briefs_fts(rowid, title, body) VALUES (new.seq, new.title, new.plain_text);
END;
CREATE TRIGGER briefs_fts_update AFTER UPDATE OF title, plain_text ON briefs BEGIN
  UPDATE briefs_fts SET title = new.title, body = new.plain_text WHERE rowid = new.seq;
END;
CREATE TRIGGER briefs_fts_delete AFTER DELETE ON briefs BEGIN
  DELETE FROM briefs_fts WHERE rowid = old.seq;
END;
`,
};
