import { Module } from '@nestjs/common';
import { GetOutcomesHandler } from './get-outcomes.query.js';
import { GetProvidersHandler } from './get-providers.query.js';
import { OutcomesController } from './outcomes.controller.js';
import { ProviderOutcomesThread } from './provider-outcomes-thread.js';
import { ProvidersController } from './providers.controller.js';
/** The outcomes view's routes (an office's cohorts, the providers nationally) and their query handlers. */
@Module({
  controllers: [OutcomesController, ProvidersController],
  providers: [GetOutcomesHandler, GetProvidersHandler, { provide: ProviderOutcomesThread, useFactory: () => new ProviderOutcomesThread() }],
})
export class OutcomesModule {}
