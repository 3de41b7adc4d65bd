import { Global, Module } from '@nestjs/common';
import { ReplaySnapshotStore } from './snapshots/replay-snapshot-store.js';
import { ViewReader } from './view-reader.js';

/** `ViewReader` for every area's query handlers (it needs the global ProjectionEngine, EVENT_STORE and DataSource). */
@Global()
@Module({ providers: [ViewReader, ReplaySnapshotStore], exports: [ViewReader] })
export class ViewReaderModule {}
