import type { EventStoreMigration } from './event-store-migration.js';

/**
 * History read by time (an office's window of `recorded_at`) keeps an index, a cheaper one. The
 * btree on (stream_category, recorded_at) of v3 cost every appended row a sixth index entry on
 * text; `recorded_at` follows the heap's order (the table is only appended to), so a block-range
 * index finds a window's pages at a fraction of that cost, and the planner ANDs them with the
 * office's (stream_category, position) entries. `autosummarize` has autovacuum summarise each
 * range once it is full; the unsummarised tail is always read, as it holds the newest events.
 * bench/README.md ("Batch appends and the read paths") has the figures before and after.
 */
export const v6RecordedAtBlockRangeIndex: EventStoreMigration = {
  version: 6,
  name: 'recorded_at block-range index instead of the category and recorded_at btree',
  sql: `
    CREATE INDEX IF NOT EXISTS es_events_recorded_at_brin ON es_events
      USING brin (recorded_at) WITH (pages_per_range = 32, autosummarize = on);
    DROP INDEX IF EXISTS es_events_category_recorded_at;
  `,
};
