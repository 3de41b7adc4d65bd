import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/index.js';
import { MetricsRegistry } from '../shared/metrics/metrics-registry.js';
import { ReplaySnapshotStore } from '../shared/views/snapshots/replay-snapshot-store.js';
import { REPLAY_THREADS } from '../shared/views/snapshots/replay-threads.js';
import { OfficeReplayThreads } from './office-replay-threads.js';

/**
 * The threads as-of replays fold offices on (`ViewReader` takes them when there are any): with the
 * PostgreSQL event store only, which a thread can open connections to; the in-memory and KurrentDB
 * stores replay on the calling thread. Stopped with the app (`onModuleDestroy`). The offices the
 * threads have answered are counted in `view_replay_offices_on_threads_total`: it stays at 0 while
 * replays run on the calling thread (no compiled worker, or the threads given up).
 */
@Global()
@Module({
  providers: [
    {
      provide: REPLAY_THREADS,
      inject: [RUNTIME_CONFIG, EVENT_STORE, getDataSourceToken(), MetricsRegistry],
      useFactory: (config: RuntimeConfig, store: EventStore, dataSource: DataSource, registry: MetricsRegistry) => {
        if (config.eventStore.kind !== 'postgres') return null;
        const threads = new OfficeReplayThreads({
          databaseUrl: config.databaseUrl,
          calling: { store, snapshotStore: new ReplaySnapshotStore(dataSource) },
        });
        registry.counterOf(
          'view_replay_offices_on_threads_total',
          "Offices of as-of replays answered on the replay threads (a failed office's too); none while replays run on the calling thread",
          () => threads.answeredOffThread,
        );
        return threads;
      },
    },
  ],
  exports: [REPLAY_THREADS],
})
export class ReplayThreadsModule {}
