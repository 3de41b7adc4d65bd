import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '../../libs/event-store/src/index.js';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/index.js';
import { createEventStore } from './create-event-store.js';

/** Nest injection token of the EventStore port. */
export const EVENT_STORE = Symbol('EVENT_STORE');

@Global()
@Module({
  providers: [{ provide: EVENT_STORE, inject: [RUNTIME_CONFIG], useFactory: (config: RuntimeConfig) => createEventStore(config) }],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
