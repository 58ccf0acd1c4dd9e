import type Database from 'better-sqlite3';

export interface Migration {
  /** Becomes PRAGMA user_version once applied. Numbers are consecutive from 1. */
  version: number;
  name: string;
  /**
   * Run inside the migration's transaction: SQL, or a function for a data migration (a
   * brief-document rewrite, say) that reads and writes through the connection it is given.
   * A shipped migration is never edited.
   */
  up: string | ((db: Database.Database) => void);
}
