import type { Migration } from './migration';

// Text read by OCR (issue #14): a version whose pages (or some of them) were read from
// pictures keeps, per page, the engine's mean confidence, the engine and the language data
// (with their versions) and where the uncertain words are, as JSON in source_versions.ocr:
// [{ "page", "confidence", "engine", "languages", "lowConfidence": [[start, end]...] }].
// A column of the version rather than a table of its own: everything that copies a version
// whole (the Trash, merging, evidence packages) carries it without knowing about OCR, and
// it is read only with the version's text and page map.
export const migration020: Migration = {
  version: 20,
  name: 'ocr pages',
  up: `ALTER TABLE source_versions ADD COLUMN ocr TEXT;`,
};
