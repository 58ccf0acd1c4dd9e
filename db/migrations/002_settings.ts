import type { Migration } from './migration';

// Workspace-level settings and one-time facts (e.g. that the sample was offered), so a
// user who deletes the sample does not get it back on the next start.
export const migration002: Migration = {
  version: 2,
  name: 'settings',
  up: `
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`,
};
