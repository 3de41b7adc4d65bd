import {
  CreateProjectionCheckpoints1764000000000,
  CreateProjectionParkedEvents1767000000000,
  RecordCheckpointEventStore1767000000002,
} from '@app/projections';
import { AccessLogCommitOrder1767000000001 } from '../access-log/access-log-commit-order.migration.js';
import { CreateAccessLog1765000000000 } from '../access-log/access-log.migration.js';
import { CreateClientSubjects1768000000000 } from '../shared/clients/client-subjects.migration.js';
import { CreateIdempotencyRecords1763800000000 } from '../shared/commands/idempotency.migration.js';
import { CreateViewReplaySnapshots1769100000000 } from '../shared/views/snapshots/replay-snapshots.migration.js';
import { APP_VIEWS } from '../views/app-views.js';

const timestampOf = (migration: { name: string }) => Number(/(\d{13})$/.exec(migration.name)![1]);

/**
 * Every TypeORM migration of the app, oldest first: its own tables', and each view's table and
 * indexes as the view defines them.
 */
export const MIGRATIONS = [
  CreateIdempotencyRecords1763800000000,
  CreateProjectionCheckpoints1764000000000,
  CreateAccessLog1765000000000,
  // Events a projection could not apply are parked here instead of stopping the view (issue 12).
  CreateProjectionParkedEvents1767000000000,
  // Access-log pages in commit order, so a line committed late is not skipped.
  AccessLogCommitOrder1767000000001,
  // Which event store each checkpoint's positions belong to.
  RecordCheckpointEventStore1767000000002,
  CreateClientSubjects1768000000000,
  // Where as-of replays of an office start from (issue 16).
  CreateViewReplaySnapshots1769100000000,
  ...APP_VIEWS.flatMap((view) => view.migrations),
].sort((a, b) => timestampOf(a) - timestampOf(b));
