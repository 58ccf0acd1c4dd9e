import type { Migration } from './migration';

// Names recognised in a text (offline NER for entity suggestions), kept per text hash and
// recogniser: recognition is slow (seconds over a corpus) and a text's result never
// changes, so every `suggestions` after the first costs only the lookups.
export const migration007: Migration = {
  version: 7,
  name: 'recognition cache',
  up: `
CREATE TABLE recognised_names (
  content_hash TEXT NOT NULL,
  recogniser TEXT NOT NULL,
  names TEXT NOT NULL,
  PRIMARY KEY (content_hash, recogniser)
) WITHOUT ROWID;`,
};
