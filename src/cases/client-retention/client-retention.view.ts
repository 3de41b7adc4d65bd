import { defineView } from '@app/projections';
import { clientRetentionProjection } from './client-retention.projection.js';

/** Clients by when their last case closed: what the retention job erases past the limit. No route. */
export const clientRetentionView = defineView({
  projection: clientRetentionProjection,
  migratedAt: { table: 1768000000001, orderIndexes: { closedSince: 1768000000002 } },
  officeRanges: () => [],
  ranges: {
    /** Clients with no open case whose last case closed before `cutoff` (UTC), `limit` at a time after `after`. */
    closedBefore: (cutoff: string, after?: string, limit = 500) => ({ orderBy: 'closedSince', from: '', to: cutoff, after, limit }),
  },
});
