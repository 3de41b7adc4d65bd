import { Module } from '@nestjs/common';
import { OfficeHistoryController } from './office-history/office-history.controller.js';
import { GetOfficeHistoryHandler } from './office-history/get-office-history.query.js';

/** Audit replay: an office's events as stored (upcast), paged by global position. */
@Module({
  controllers: [OfficeHistoryController],
  providers: [GetOfficeHistoryHandler],
})
export class HistoryModule {}
