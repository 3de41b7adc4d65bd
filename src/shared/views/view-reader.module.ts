import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ReplaySnapshotStore } from './snapshots/replay-snapshot-store.js';
import { ViewReader } from './view-reader.js';

/** `ViewReader` for every area's query handlers (it needs the global ProjectionEngine, EVENT_STORE and DataSource). */
@Global()
@Module({
  providers: [
    ViewReader,
    {
      provide: ReplaySnapshotStore,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new ReplaySnapshotStore(dataSource),
    },
  ],
  exports: [ViewReader],
})
export class ViewReaderModule {}
