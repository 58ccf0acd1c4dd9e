import { deflateRawSync } from 'node:zlib';
import type { Migration } from './migration';

// One copy of each text (issue #12: at 50,000 sources the text was stored three times —
// the version's text, the same bytes again as its original, and FTS5's own copy):
//   - the source index becomes an external-content FTS5 table over a view of each
//     source's current text, so FTS5 keeps only its index; its triggers remove a row's
//     words BEFORE the row changes, while the view still shows what was indexed;
//   - a bulk import indexes its texts together at the end of each batch (see below);
//   - it gets a prefix index for one letter, the first keystroke of a search (every
//     prefix level costs about as much disk as the index itself: a second one for two
//     letters took the workspace from 1.23x to 1.41x an FTS5 table holding the texts;
//     without any, "s*" took 171 ms at 50,000 sources, "se*" takes 42 ms),
//     and its ranking (title five times the body) is the table's own `rank`, so
//     `ORDER BY rank LIMIT n` is answered by FTS5 without sorting every match (the
//     excerpt and brief indexes get their weights as their `rank` too);
//   - original bytes that are exactly the text are dropped (their hash stays: it equals
//     the text's, which says "the text"); the text and a short tail keep only the tail;
//     larger ones are deflated (db/originals.ts).
export const migration015: Migration = {
  version: 15,
  name: 'one copy of the text',
  up: (db) => {
    db.exec(`
DROP TRIGGER sources_fts_update;
DROP TRIGGER sources_fts_delete;
DROP TRIGGER sources_fts_version;
DROP TABLE sources_fts;

CREATE VIEW source_search_text AS
  SELECT s.seq AS seq, s.title AS title, v.text AS body
  FROM sources s JOIN source_versions v ON v.source_id = s.id AND v.version = s.current_version;

CREATE VIRTUAL TABLE sources_fts USING fts5(
  title, body,
  content = 'source_search_text', content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1'
);
INSERT INTO sources_fts(sources_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
INSERT INTO sources_fts(sources_fts) VALUES ('rebuild');
INSERT INTO excerpts_fts(excerpts_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)');
INSERT INTO briefs_fts(briefs_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');

-- A bulk import (the command line's, in one batch transaction) defers indexing to the
-- batch's end (db/search.ts deferSourceIndexing): FTS5 writes out what it holds in memory
-- at every savepoint, and each file of a batch is its own savepoint, so indexing file by
-- file made thousands of tiny index segments. While a row of bulk_import exists (only
-- inside that uncommitted transaction), new texts wait in sources_fts_pending and are
-- indexed together before the batch commits.
CREATE TABLE bulk_import (active INTEGER PRIMARY KEY CHECK (active = 1));
CREATE TABLE sources_fts_pending (seq INTEGER PRIMARY KEY);

-- A source is indexed once its current text is there (its first version is inserted
-- right after the source row; a new version becomes current by an update of the source).
CREATE TRIGGER sources_fts_version AFTER INSERT ON source_versions BEGIN
  INSERT INTO sources_fts(rowid, title, body) SELECT seq, title, new.text FROM sources
    WHERE id = new.source_id AND current_version = new.version AND NOT EXISTS (SELECT 1 FROM bulk_import);
  INSERT INTO sources_fts_pending(seq) SELECT seq FROM sources
    WHERE id = new.source_id AND current_version = new.version AND EXISTS (SELECT 1 FROM bulk_import);
END;
-- A row waiting to be indexed has nothing in the index yet: nothing to remove, and the
-- batch's end indexes it as it is then.
CREATE TRIGGER sources_fts_before_update BEFORE UPDATE OF title, current_version ON sources
WHEN NOT EXISTS (SELECT 1 FROM sources_fts_pending WHERE seq = old.seq) BEGIN
  DELETE FROM sources_fts WHERE rowid = old.seq;
END;
CREATE TRIGGER sources_fts_after_update AFTER UPDATE OF title, current_version ON sources
WHEN NOT EXISTS (SELECT 1 FROM sources_fts_pending WHERE seq = new.seq) BEGIN
  INSERT INTO sources_fts(rowid, title, body) SELECT new.seq, new.title, v.text
    FROM source_versions v WHERE v.source_id = new.id AND v.version = new.current_version;
END;
CREATE TRIGGER sources_fts_delete BEFORE DELETE ON sources BEGIN
  DELETE FROM sources_fts WHERE rowid = old.seq AND NOT EXISTS (SELECT 1 FROM sources_fts_pending WHERE seq = old.seq);
  DELETE FROM sources_fts_pending WHERE seq = old.seq;
END;

ALTER TABLE source_versions ADD COLUMN original_encoding TEXT CHECK (original_encoding IS NULL OR original_encoding IN ('deflate', 'text+tail'));
UPDATE source_versions SET original = NULL WHERE original IS NOT NULL AND original_hash = content_hash;
`);
    // The rest: the text and a short tail after it (a final line break) keep only the tail;
    // larger bytes that deflate well are deflated; anything else stays as it is.
    const rows = db.prepare(`SELECT rowid FROM source_versions WHERE original IS NOT NULL`).pluck().all() as number[];
    const read = db.prepare(`SELECT text, original FROM source_versions WHERE rowid = ?`);
    const write = db.prepare(`UPDATE source_versions SET original = ?, original_encoding = ? WHERE rowid = ?`);
    for (const rowid of rows) {
      const { text, original } = read.get(rowid) as { text: string; original: Buffer };
      const textBytes = Buffer.from(text, 'utf8');
      if (original.length >= textBytes.length && original.length - textBytes.length <= 64 && original.subarray(0, textBytes.length).equals(textBytes)) {
        write.run(Buffer.from(original.subarray(textBytes.length)), 'text+tail', rowid);
      } else if (original.length >= 1024) {
        const deflated = deflateRawSync(original);
        if (deflated.length < original.length * 0.9) write.run(deflated, 'deflate', rowid);
      }
    }
  },
};
