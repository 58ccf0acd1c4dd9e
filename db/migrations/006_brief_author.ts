import type { Migration } from './migration';

// A brief's author, for the title block of its exports.
export const migration006: Migration = {
  version: 6,
  name: 'brief author',
  up: `ALTER TABLE briefs ADD COLUMN author TEXT;`,
};
