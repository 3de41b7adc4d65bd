import { Global, Module } from '@nestjs/common';
import { CommandAdmission } from './command-admission.js';
import { CommandGateway } from './command-gateway.js';
import { IdempotencyService } from './idempotency.service.js';

/** What every command route shares: the gateway, its cap on commands in flight, and idempotency records. */
@Global()
@Module({
  providers: [IdempotencyService, CommandAdmission, CommandGateway],
  exports: [CommandGateway],
})
export class CommandsModule {}
