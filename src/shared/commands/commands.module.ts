import { Global, Module } from '@nestjs/common';
import { CommandGateway } from './command-gateway.js';
import { IdempotencyService } from './idempotency.service.js';

/** What every command route shares: the gateway and idempotency records. */
@Global()
@Module({
  providers: [IdempotencyService, CommandGateway],
  exports: [CommandGateway],
})
export class CommandsModule {}
