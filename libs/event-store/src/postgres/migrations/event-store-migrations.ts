import type { EventStoreMigration } from './event-store-migration.js';
import { v1EventsAndStreams } from './v1-events-and-streams.migration.js';
import { v2AppendQueuesPerStream } from './v2-append-queues-per-stream.migration.js';
import { v3CategoryRecordedAtIndex } from './v3-category-recorded-at-index.migration.js';
import { v4GlobalSectionPositionsOnly } from './v4-global-section-positions-only.migration.js';
import { v5GroupCommit } from './v5-group-commit.migration.js';

/** The event store's schema, as ordered migrations applied by `migrateEventStore`; never synchronised from code. */
export const EVENT_STORE_MIGRATIONS: readonly EventStoreMigration[] = [
  v1EventsAndStreams,
  v2AppendQueuesPerStream,
  v3CategoryRecordedAtIndex,
  v4GlobalSectionPositionsOnly,
  v5GroupCommit,
];
