import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, PostgresEventStore, UpcastingEventStore, type EventStore } from '@app/event-store';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/index.js';
import { MetricsRegistry } from '../shared/metrics/metrics-registry.js';
import { createEventStore } from './create-event-store.js';
import { eventUpcasters } from './event-upcasters.js';
import { ObservedEventStore } from './observed-event-store.js';
import { eventStoreFigures, registerPoolMetrics, typeOrmPoolStats } from './store-metrics.js';

/**
 * The adapter wrapped in upcasting right here, so every reader of `EVENT_STORE` (command
 * handlers, projections and their rebuild and verify, history, as-of replay) gets events in
 * their current shape without having to ask for it; timing and tracing sit between the two.
 */
const provideEventStore = async (config: RuntimeConfig, registry: MetricsRegistry, dataSource: DataSource): Promise<EventStore> => {
  const figures = eventStoreFigures(registry);
  const adapter = await createEventStore(config, figures.groups);
  const eventStorePool = adapter instanceof PostgresEventStore ? () => adapter.poolStats() : () => undefined;
  registerPoolMetrics(registry, { event_store: eventStorePool, typeorm: typeOrmPoolStats(dataSource) });
  return new UpcastingEventStore(new ObservedEventStore(adapter, figures), eventUpcasters());
};

@Global()
@Module({
  providers: [{ provide: EVENT_STORE, inject: [RUNTIME_CONFIG, MetricsRegistry, DataSource], useFactory: provideEventStore }],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
