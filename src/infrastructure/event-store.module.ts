import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, UpcastingEventStore, type EventStore } from '@app/event-store';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/index.js';
import { createEventStore } from './create-event-store.js';
import { eventUpcasters } from './event-upcasters.js';


/**
 * The adapter wrapped in upcasting right here, so every reader of `EVENT_STORE` (command
 * handlers, projections and their rebuild and verify, history, as-of replay) gets events in
 * their current shape without having to ask for it.
 */
const provideEventStore = async (config: RuntimeConfig): Promise<EventStore> =>
  new UpcastingEventStore(await createEventStore(config), eventUpcasters());

@Global()
@Module({
  providers: [{ provide: EVENT_STORE, inject: [RUNTIME_CONFIG], useFactory: provideEventStore }],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
