import type { NewEvent, RecordedEvent } from '../event-envelope.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  StreamAppend,
  Subscription,
} from '../event-store.port.js';
import type { UpcasterRegistry } from './upcaster-registry.js';

/**
 * Any EventStore, with every event it reads handed out in its type's current shape. Put it
 * where the store is provided, so no reader (command handlers, projections, replay, history)
 * can forget it. Appends pass through: new events are written in the current version already.
 */
export class UpcastingEventStore implements EventStore {
  constructor(
    /** The adapter underneath, for what must see events as stored (tests, migrations of data). */
    readonly inner: EventStore,
    private readonly registry: UpcasterRegistry,
  ) {}

  append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    return this.inner.append(streamId, events, options);
  }

  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.inner.appendToStreams(appends);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.upcastAll(await this.inner.readStream(streamId, options));
  }

  async readStreams(streamIds: readonly string[]): Promise<RecordedEvent[][]> {
    return (await this.inner.readStreams(streamIds)).map((events) => this.upcastAll(events));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.upcastAll(await this.inner.readAll(options));
  }

  subscribe(options?: SubscribeOptions): Subscription {
    const inner = this.inner.subscribe(options);
    const upcastAll = (events: RecordedEvent[]) => this.upcastAll(events);
    return {
      async *[Symbol.asyncIterator]() {
        for await (const batch of inner) yield upcastAll(batch);
      },
      close: () => inner.close(),
    };
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  countEventsBetween(after: number, upTo: number, limit: number): Promise<number> {
    return this.inner.countEventsBetween(after, upTo, limit);
  }

  streamCategories(toPosition: number): Promise<string[]> {
    return this.inner.streamCategories(toPosition);
  }

  identity(): Promise<string> {
    return this.inner.identity();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private upcastAll(events: RecordedEvent[]): RecordedEvent[] {
    return events.map((event) => this.registry.upcast(event));
  }
}
