import type { Migration } from './migration';

// Tags on sources (issue #13: bulk "tag" in the library), as Zotero's items have them: the
// same tags as excerpts' (one `tags` table, case-insensitive, `/` for a hierarchy), so
// `tag:customs` finds sources and excerpts alike. A source's tags hang on it by a cascading
// foreign key: the Trash keeps them with the source and brings them back with it.
export const migration021: Migration = {
  version: 21,
  name: 'source tags',
  up: `
CREATE TABLE source_tags (
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  tag_id    INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (source_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX source_tags_tag ON source_tags(tag_id);
`,
};
