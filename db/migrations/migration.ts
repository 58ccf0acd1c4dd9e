export interface Migration {
  /** Becomes PRAGMA user_version once applied. Numbers are consecutive from 1. */
  version: number;
  name: string;
  /** SQL run inside the migration's transaction. A shipped migration is never edited. */
  up: string;
}
