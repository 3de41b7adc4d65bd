import {
  CreateProjectionCheckpoints1764000000000,
  RecordCheckpointEventStore1767000000000,
  projectionOrderIndexMigration,
  projectionTableMigration,
} from '../../libs/projections/src/projection.migrations.js';
import { CreateAccessLog1765000000000 } from '../access-log/access-log.migration.js';
import { CreateIdempotencyRecords1763800000000 } from '../shared/commands/idempotency.migration.js';

/** Every TypeORM migration of the app, oldest first. */
export const MIGRATIONS = [
  CreateIdempotencyRecords1763800000000,
  CreateProjectionCheckpoints1764000000000,
  projectionTableMigration('engagement', 1764000000001),
  projectionTableMigration('employer_relationships', 1764000000002),
  projectionTableMigration('outcomes', 1764000000003),
  projectionTableMigration('active_cases', 1764000000004),
  CreateAccessLog1765000000000,
  // The employers page reads one office's relationships in each of its orders (employer_relationships v3).
  projectionOrderIndexMigration('employer_relationships', 'byLastContact', 1766000000001),
  projectionOrderIndexMigration('employer_relationships', 'byContacts', 1766000000002),
  projectionOrderIndexMigration('employer_relationships', 'byPlacements', 1766000000003),
  // The office comparison reads the external cases that went quiet on one day (active_cases v3).
  projectionOrderIndexMigration('active_cases', 'byQuietSince', 1766000000004),
  // Which event store each checkpoint's positions belong to.
  RecordCheckpointEventStore1767000000000,
] as const;
