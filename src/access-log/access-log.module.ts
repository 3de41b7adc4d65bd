import { Module } from '@nestjs/common';
import { AccessLogController } from './read-access-log/access-log.controller.js';
import { GetAccessLogHandler } from './read-access-log/get-access-log.query.js';

/** The access log's read side; the writer is AuthModule's decision listener (see app.module.ts). */
@Module({
  controllers: [AccessLogController],
  providers: [GetAccessLogHandler],
})
export class AccessLogModule {}
