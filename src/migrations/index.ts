import { CreateIdempotencyRecords1763800000000 } from '../shared/commands/idempotency.migration.js';

/** Every TypeORM migration of the app, oldest first. */
export const MIGRATIONS = [CreateIdempotencyRecords1763800000000] as const;
