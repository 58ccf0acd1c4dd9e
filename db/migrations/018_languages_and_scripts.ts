import type { Migration } from './migration';

// Sources in any script (issue #14):
//   - each version keeps the language detected in its text (source_versions.language);
//     the source's own `language` (since 001) is what the library shows and the analyst
//     edits, filled from the detection when the document did not declare one;
//   - the three search indexes hold their text folded (common/scriptFold.ts: Arabic and
//     Persian harakat and tatweel dropped, ي/ی/ى, ك/ک, ة/ه and the alef forms one letter,
//     ё as е), written here as SQL replace() calls so that every connection — the app's,
//     the command line's, a backup check's, the sqlite3 shell's — reads the same index
//     without a function of ours. Folding keeps every offset, so snippets are mapped back
//     to the original text (db/search.ts);
//   - their tokenizer counts combining marks (Unicode Mn) as part of a word instead of
//     cutting the word there: a vowel sign inside a Hindi, Hebrew or Arabic word used to
//     split it, and U+0301, what folding leaves for a dropped mark, is removed inside words;
//   - an entity may let its Latin names match their Russian transliteration in Cyrillic
//     (entities.match_transliteration; a change of it changes the names the mention scan
//     looks for, so it renews the name registry's token like a new alias);
//   - the source index has the source's language as a third column (`lang`, weighing
//     nothing in the ranking), so that a word's other forms are looked for in the sources
//     of the language they belong to (db/searchQuery.ts: stemming by query, not by index);
//   - Chinese, Japanese and Korean get a second index of overlapping character pairs
//     (common/cjk.ts), a contentless FTS5 table: triggers queue a source whose title or text
//     has such characters, and db/scriptIndex.ts indexes the queue (the pairs are made in
//     JavaScript) after each write and before a search.

/** common/scriptFold.ts's table as it was when this migration shipped (a shipped migration never changes). */
const FOLDS: readonly [string, string][] = [
  ['\u064B', '\u0301'], ['\u064C', '\u0301'], ['\u064D', '\u0301'], ['\u064E', '\u0301'], ['\u064F', '\u0301'],
  ['\u0650', '\u0301'], ['\u0651', '\u0301'], ['\u0652', '\u0301'], ['\u0670', '\u0301'], ['\u0640', '\u0301'],
  ['\u06CC', '\u064A'], ['\u0649', '\u064A'], ['\u06A9', '\u0643'], ['\u0629', '\u0647'],
  ['\u0623', '\u0627'], ['\u0625', '\u0627'], ['\u0622', '\u0627'], ['\u0671', '\u0627'],
  ['\u0451', '\u0435'], ['\u0401', '\u0415'],
];
/** For the test that checks common/scriptFold.ts still agrees with what the index was built with. */
export const FOLDS_OF_LANGUAGES_AND_SCRIPTS = FOLDS;

/** An SQL expression: `expr` folded by twenty replace() calls. */
const replaceAll = (expr: string) => FOLDS.reduce((inner, [from, to]) => `replace(${inner}, '${from}', '${to}')`, expr);

/**
 * An SQL expression: `expr` folded. Twenty passes over every text cost more than indexing
 * it, and most texts have nothing to fold: every character folded is Arabic-block (UTF-8
 * lead byte D8–DB) or ё/Ё, which byte searches find at memory speed, so only a text with
 * one of those is folded.
 */
const fold = (expr: string) =>
  `CASE WHEN instr(CAST(${expr} AS BLOB), X'D8') OR instr(CAST(${expr} AS BLOB), X'D9') OR instr(CAST(${expr} AS BLOB), X'DA') OR instr(CAST(${expr} AS BLOB), X'DB') OR instr(${expr}, '\u0451') OR instr(${expr}, '\u0401') THEN ${replaceAll(expr)} ELSE ${expr} END`;

const TOKENIZE = `tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co Mn'"`;
/** Han, kana, Hangul: a text with any of them is queued for the pair index. */
const CJK_GLOB = `'*[㐀-䶿一-鿿豈-﫿ぁ-ヿ가-힯ᄀ-ᇿ]*'`;

export const migration018: Migration = {
  version: 18,
  name: 'languages and scripts',
  up: `
ALTER TABLE source_versions ADD COLUMN language TEXT;

-- Per entity: its Latin names also match their Russian Cyrillic transliterations (off by default).
ALTER TABLE entities ADD COLUMN match_transliteration INTEGER NOT NULL DEFAULT 0 CHECK (match_transliteration IN (0, 1));
CREATE TRIGGER entities_names_transliteration AFTER UPDATE OF match_transliteration ON entities BEGIN UPDATE name_registry SET token = random(); END;
CREATE INDEX sources_by_language ON sources(language COLLATE NOCASE, seq);

DROP TRIGGER sources_fts_version;
DROP TRIGGER sources_fts_before_update;
DROP TRIGGER sources_fts_after_update;
DROP TRIGGER sources_fts_delete;
DROP TABLE sources_fts;
DROP VIEW source_search_text;

CREATE VIEW source_search_text AS
  SELECT s.seq AS seq, ${fold('s.title')} AS title, ${fold('v.text')} AS body, s.language AS lang
  FROM sources s JOIN source_versions v ON v.source_id = s.id AND v.version = s.current_version;

CREATE VIRTUAL TABLE sources_fts USING fts5(
  title, body, lang,
  content = 'source_search_text', content_rowid = 'seq',
  ${TOKENIZE},
  prefix = '1'
);
INSERT INTO sources_fts(sources_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0, 0.0)');
INSERT INTO sources_fts(sources_fts) VALUES ('rebuild');

-- The pair index of CJK text, and the sources waiting to be put in it.
CREATE VIRTUAL TABLE sources_cjk USING fts5(pairs, content = '', contentless_delete = 1, tokenize = 'unicode61');
CREATE TABLE sources_cjk_pending (seq INTEGER PRIMARY KEY);
INSERT INTO sources_cjk_pending(seq) SELECT s.seq FROM sources s JOIN source_versions v ON v.source_id = s.id AND v.version = s.current_version
  WHERE s.title GLOB ${CJK_GLOB} OR v.text GLOB ${CJK_GLOB};

-- As in 015, with the text taken folded from the view.
CREATE TRIGGER sources_fts_version AFTER INSERT ON source_versions BEGIN
  INSERT INTO sources_fts(rowid, title, body, lang) SELECT t.seq, t.title, t.body, t.lang FROM source_search_text t
    WHERE t.seq = (SELECT seq FROM sources WHERE id = new.source_id AND current_version = new.version) AND NOT EXISTS (SELECT 1 FROM bulk_import);
  INSERT INTO sources_fts_pending(seq) SELECT seq FROM sources
    WHERE id = new.source_id AND current_version = new.version AND EXISTS (SELECT 1 FROM bulk_import);
  -- A GLOB over the whole text costs ~140 µs for 5 KB: more than storing it. In a bulk
  -- import the texts are looked at in JavaScript instead, when the batch is indexed
  -- (db/search.ts indexDeferredSources); the NOT EXISTS comes first so the GLOB is skipped.
  INSERT OR IGNORE INTO sources_cjk_pending(seq) SELECT seq FROM sources
    WHERE NOT EXISTS (SELECT 1 FROM bulk_import) AND id = new.source_id AND current_version = new.version AND (title GLOB ${CJK_GLOB} OR new.text GLOB ${CJK_GLOB});
END;
CREATE TRIGGER sources_fts_before_update BEFORE UPDATE OF title, current_version, language ON sources BEGIN
  DELETE FROM sources_fts WHERE rowid = old.seq AND NOT EXISTS (SELECT 1 FROM sources_fts_pending WHERE seq = old.seq);
  DELETE FROM sources_cjk WHERE rowid = old.seq;
END;
CREATE TRIGGER sources_fts_after_update AFTER UPDATE OF title, current_version, language ON sources BEGIN
  INSERT INTO sources_fts(rowid, title, body, lang) SELECT t.seq, t.title, t.body, t.lang FROM source_search_text t
    WHERE t.seq = new.seq AND NOT EXISTS (SELECT 1 FROM sources_fts_pending WHERE seq = new.seq);
  INSERT OR IGNORE INTO sources_cjk_pending(seq) SELECT new.seq FROM source_versions v
    WHERE v.source_id = new.id AND v.version = new.current_version AND (new.title GLOB ${CJK_GLOB} OR v.text GLOB ${CJK_GLOB});
END;
CREATE TRIGGER sources_fts_delete BEFORE DELETE ON sources BEGIN
  DELETE FROM sources_fts WHERE rowid = old.seq AND NOT EXISTS (SELECT 1 FROM sources_fts_pending WHERE seq = old.seq);
  DELETE FROM sources_fts_pending WHERE seq = old.seq;
  DELETE FROM sources_cjk WHERE rowid = old.seq;
  DELETE FROM sources_cjk_pending WHERE seq = old.seq;
END;

-- Excerpts and briefs keep their own copy in their index (001): folded the same way.
DROP TRIGGER excerpts_fts_insert;
DROP TRIGGER excerpts_fts_update;
DROP TRIGGER excerpts_fts_delete;
DROP TABLE excerpts_fts;
CREATE VIRTUAL TABLE excerpts_fts USING fts5(quote, note, ${TOKENIZE});
INSERT INTO excerpts_fts(excerpts_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)');
INSERT INTO excerpts_fts(rowid, quote, note) SELECT seq, ${fold('quote')}, ${fold('note')} FROM excerpts;
CREATE TRIGGER excerpts_fts_insert AFTER INSERT ON excerpts BEGIN
  INSERT INTO excerpts_fts(rowid, quote, note) VALUES (new.seq, ${fold('new.quote')}, ${fold('new.note')});
END;
CREATE TRIGGER excerpts_fts_update AFTER UPDATE OF quote, note ON excerpts BEGIN
  UPDATE excerpts_fts SET quote = ${fold('new.quote')}, note = ${fold('new.note')} WHERE rowid = new.seq;
END;
CREATE TRIGGER excerpts_fts_delete AFTER DELETE ON excerpts BEGIN
  DELETE FROM excerpts_fts WHERE rowid = old.seq;
END;

DROP TRIGGER briefs_fts_insert;
DROP TRIGGER briefs_fts_update;
DROP TRIGGER briefs_fts_delete;
DROP TABLE briefs_fts;
CREATE VIRTUAL TABLE briefs_fts USING fts5(title, body, ${TOKENIZE});
INSERT INTO briefs_fts(briefs_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
INSERT INTO briefs_fts(rowid, title, body) SELECT seq, ${fold('title')}, ${fold('plain_text')} FROM briefs;
CREATE TRIGGER briefs_fts_insert AFTER INSERT ON briefs BEGIN
  INSERT INTO briefs_fts(rowid, title, body) VALUES (new.seq, ${fold('new.title')}, ${fold('new.plain_text')});
END;
CREATE TRIGGER briefs_fts_update AFTER UPDATE OF title, plain_text ON briefs BEGIN
  UPDATE briefs_fts SET title = ${fold('new.title')}, body = ${fold('new.plain_text')} WHERE rowid = new.seq;
END;
CREATE TRIGGER briefs_fts_delete AFTER DELETE ON briefs BEGIN
  DELETE FROM briefs_fts WHERE rowid = old.seq;
END;
`,
};
