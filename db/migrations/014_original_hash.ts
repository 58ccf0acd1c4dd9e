import { createHash } from 'node:crypto';
import type { Migration } from './migration';

// The hash of each version's original bytes, recorded when they are stored, so `verify`
// can tell a changed byte in them (the text's hash, content_hash, was there already). A
// data migration: existing originals are hashed once, a few at a time (they can be large).
export const migration014: Migration = {
  version: 14,
  name: 'original hash',
  up: (db) => {
    db.exec(`ALTER TABLE source_versions ADD COLUMN original_hash TEXT`);
    const ids = db.prepare(`SELECT rowid FROM source_versions WHERE original IS NOT NULL`).pluck().all() as number[];
    const read = db.prepare(`SELECT original FROM source_versions WHERE rowid = ?`).pluck();
    const write = db.prepare(`UPDATE source_versions SET original_hash = ? WHERE rowid = ?`);
    for (const id of ids) write.run(createHash('sha256').update(read.get(id) as Buffer).digest('hex'), id);
  },
};
