import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/index.js';
import { ReplaySnapshotStore } from '../shared/views/snapshots/replay-snapshot-store.js';
import { REPLAY_THREADS } from '../shared/views/snapshots/replay-threads.js';
import { OfficeReplayThreads } from './office-replay-threads.js';

/**
 * The threads as-of replays fold offices on (`ViewReader` takes them when there are any): with the
 * PostgreSQL event store only, which a thread can open connections to; the in-memory and KurrentDB
 * stores replay on the calling thread. Stopped with the app (`onModuleDestroy`).
 */
@Global()
@Module({
  providers: [
    {
      provide: REPLAY_THREADS,
      inject: [RUNTIME_CONFIG, EVENT_STORE, getDataSourceToken()],
      useFactory: (config: RuntimeConfig, store: EventStore, dataSource: DataSource) =>
        config.eventStore.kind === 'postgres'
          ? new OfficeReplayThreads({
              databaseUrl: config.databaseUrl,
              calling: { store, snapshotStore: new ReplaySnapshotStore(dataSource) },
            })
          : null,
    },
  ],
  exports: [REPLAY_THREADS],
})
export class ReplayThreadsModule {}
