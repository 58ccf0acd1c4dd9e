import type { Migration } from './migration';

// The library in pages (sources:page): every order it offers is a walk along an index, so
// a page costs the same at 50 sources as at 50,000, and the rows before the window are
// skipped inside the index without reading a source. Sources without a publisher or a
// publication date come last in either direction: each of those orders has an index per
// direction, led by whether the value is missing.
//
// The number of excerpts is kept on the source (sources.excerpt_count) by triggers, so it
// can be indexed too: an excerpt added, deleted (by hand, or with its source) or moved to
// another source counts at once, and a source row written back whole (restored from the
// Trash, merged from another workspace) is counted afresh rather than trusted.
export const migration016: Migration = {
  version: 16,
  name: 'library order',
  up: `
ALTER TABLE sources ADD COLUMN excerpt_count INTEGER NOT NULL DEFAULT 0;
UPDATE sources SET excerpt_count = (SELECT count(*) FROM excerpts e WHERE e.source_id = sources.id);

CREATE TRIGGER sources_excerpt_count_insert AFTER INSERT ON excerpts BEGIN
  UPDATE sources SET excerpt_count = excerpt_count + 1 WHERE id = new.source_id;
END;
CREATE TRIGGER sources_excerpt_count_delete AFTER DELETE ON excerpts BEGIN
  UPDATE sources SET excerpt_count = excerpt_count - 1 WHERE id = old.source_id;
END;
CREATE TRIGGER sources_excerpt_count_move AFTER UPDATE OF source_id ON excerpts WHEN old.source_id IS NOT new.source_id BEGIN
  UPDATE sources SET excerpt_count = excerpt_count - 1 WHERE id = old.source_id;
  UPDATE sources SET excerpt_count = excerpt_count + 1 WHERE id = new.source_id;
END;
CREATE TRIGGER sources_excerpt_count_fresh AFTER INSERT ON sources WHEN new.excerpt_count <> 0 BEGIN
  UPDATE sources SET excerpt_count = (SELECT count(*) FROM excerpts e WHERE e.source_id = new.id) WHERE seq = new.seq;
END;

CREATE INDEX sources_by_added ON sources(created_at, seq);
CREATE INDEX sources_by_title ON sources(title COLLATE NOCASE, seq, publisher);
CREATE INDEX sources_by_excerpts ON sources(excerpt_count, seq);
CREATE INDEX sources_by_published_asc ON sources(published_at IS NULL, published_at, seq);
CREATE INDEX sources_by_published_desc ON sources(published_at IS NOT NULL, published_at, seq);
CREATE INDEX sources_by_publisher_asc ON sources(publisher IS NULL, publisher COLLATE NOCASE, seq);
CREATE INDEX sources_by_publisher_desc ON sources(publisher IS NOT NULL, publisher COLLATE NOCASE, seq);
`,
};
