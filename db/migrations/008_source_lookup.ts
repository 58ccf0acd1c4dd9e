import type { Migration } from './migration';

// Finding the source an imported file may be a new version of (same web address, or same
// file name and title) is one lookup per imported file: indexed, it stays cheap however
// large the workspace grows.
export const migration008: Migration = {
  version: 8,
  name: 'source lookup',
  up: `
CREATE INDEX sources_url ON sources(url) WHERE url IS NOT NULL;
CREATE INDEX sources_name_title ON sources(original_name, title) WHERE original_name IS NOT NULL;`,
};
