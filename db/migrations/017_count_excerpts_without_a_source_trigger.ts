import type { Migration } from './migration';

// Migration 016 recounted a source's excerpts in an AFTER INSERT trigger on sources, for a
// row written back whole (from the Trash, or merged from another workspace) with a count
// that would otherwise be added to again as its excerpts come back. A trigger's WHEN is
// tested inside its program, so every source inserted paid for setting that program up
// (an UPDATE of a table with nine indexes): 40 µs a source, a third of what importing a
// plain-text file costs. Rows written back now leave the count out (db/rows.ts: it is a
// derived column, written as its default 0) and the excerpts that come back after their
// source count themselves in, as any new excerpt does.
export const migration017: Migration = {
  version: 17,
  name: 'count excerpts without a source trigger',
  up: `DROP TRIGGER sources_excerpt_count_fresh;`,
};
