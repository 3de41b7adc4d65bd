import type { DataSource } from 'typeorm';
import type { AppendGroupObserver, PoolStats } from '@app/event-store';
import type { MetricsRegistry } from '../shared/metrics/metrics-registry.js';
import type { AppendFigures } from './observed-event-store.js';

/** Seconds; a group commit's append is a few ms, one that waits for a busy stream or pool much longer. */
const APPEND_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const GROUP_BUCKETS = [1, 2, 4, 8, 16, 32, 64];

/** The event store's figures: append time and refusals (any adapter), group sizes (PostgreSQL). */
export function eventStoreFigures(registry: MetricsRegistry): AppendFigures & { groups: AppendGroupObserver } {
  const appendSeconds = registry.histogram('event_store_append_duration_seconds', 'Time of an append', ['outcome'], APPEND_BUCKETS);
  const refusals = registry.counter('event_store_append_refusals_total', 'Appends refused or put back, by reason');
  const groupHelp = 'Appends a group call answered in one transaction (group commit)';
  const groupSize = registry.histogram('event_store_append_group_size', groupHelp, [], GROUP_BUCKETS);
  return {
    appendSeconds,
    refusals,
    groups: {
      groupSent: (appends) => groupSize.observe(appends),
      streamBusy: () => refusals.inc({ reason: 'stream_busy' }),
    },
  };
}

/** In use and waiting, per connection pool: the event store's own (PostgreSQL adapter) and TypeORM's. */
export function registerPoolMetrics(registry: MetricsRegistry, pools: Record<string, () => PoolStats | undefined>): void {
  const samples = (read: (stats: PoolStats) => number) =>
    Object.entries(pools).flatMap(([pool, stats]) => {
      const s = stats();
      return s ? [{ labels: { pool }, value: read(s) }] : [];
    });
  registry.gauge('db_pool_connections_in_use', 'Connections of the pool checked out now', () => samples((s) => s.total - s.idle));
  registry.gauge('db_pool_waiting', 'Callers waiting for a connection of the pool', () => samples((s) => s.waiting));
}

/** TypeORM's pg pool, when the driver is PostgreSQL. */
export function typeOrmPoolStats(dataSource: DataSource): () => PoolStats | undefined {
  return () => {
    const pool = (dataSource.driver as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
    return pool && { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
  };
}
