import { Global, Module } from '@nestjs/common';
import { ViewReader } from './view-reader.js';

/** `ViewReader` for every area's query handlers (it needs the global ProjectionEngine and EVENT_STORE). */
@Global()
@Module({ providers: [ViewReader], exports: [ViewReader] })
export class ViewReaderModule {}
