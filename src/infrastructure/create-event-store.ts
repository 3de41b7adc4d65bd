import { InMemoryEventStore, createPostgresEventStore, type AppendGroupObserver, type EventStore } from '@app/event-store';
import type { RuntimeConfig } from '../config/index.js';

/** `groups` hears how the PostgreSQL adapter grouped appends; the others do not group. */
export async function createEventStore(config: RuntimeConfig, groups?: AppendGroupObserver): Promise<EventStore> {
  const kind = config.eventStore.kind;
  switch (kind) {
    case 'postgres':
      return createPostgresEventStore({ connectionString: config.databaseUrl, observer: groups });
    case 'memory':
      return new InMemoryEventStore();
    case 'kurrentdb': {
      // Loaded only when chosen: the gRPC client is heavy and unused otherwise.
      const { createKurrentDbEventStore } = await import('@app/event-store/kurrentdb');
      if (config.eventStore.kind !== 'kurrentdb') throw new Error('unreachable');
      return createKurrentDbEventStore({ connectionString: config.eventStore.connectionString });
    }
    default: {
      const never: never = kind;
      throw new Error(`Unknown event store ${String(never)}`);
    }
  }
}
