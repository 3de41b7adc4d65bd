import type { EventStore, RecordedEvent, Subscription } from '@app/event-store';
import { eventsAfter } from './events-after.js';

/**
 * The head of the log read once for every live view of an instance. Each view used to follow the
 * log with a subscription of its own, so six views read every new event six times, a few times a
 * second each: the most frequent query of the app under load. Now one subscription (the tail) reads
 * the head and keeps its newest events in a window; each view is handed slices of it.
 *
 * Only a cache, as `SharedLogReader` is for rebuilds: the window holds every readable event after
 * its start, in order, as the store's own subscription handed them out, so a slice is exactly what
 * the view's own subscription would have read. A view behind the window (catching up, or slow)
 * reads the store directly until it is in the window again. The window keeps at most `keep` events;
 * nothing waits for a slow view, so no view holds the others up.
 */
export class LiveLogReader {
  private tail?: Tail;
  private readers = 0;

  constructor(
    private readonly store: EventStore,
    private readonly batchSize: number,
    private readonly lingerMs: number,
    private readonly keep = batchSize * 4,
  ) {}

  /** Batches of at most `batchSize` events after `after`, like `store.subscribe`; ends when closed or the store closes. */
  subscribe(after: number): Subscription {
    const reader = new Reader();
    this.readers++;
    const batches = async function* (this: LiveLogReader): AsyncGenerator<RecordedEvent[]> {
      let position = after;
      while (!reader.closed) {
        const tail = await this.tailFor();
        if (reader.closed) return;
        const batch = position < tail.start ? await this.store.readAll({ after: position, limit: this.batchSize }) : tail.slice(position);
        if (reader.closed) return;
        if (batch.length > 0) {
          position = batch[batch.length - 1]!.position;
          yield batch;
          continue;
        }
        if (tail.failure !== undefined) throw tail.failure;
        if (tail.ended) return;
        await reader.until(tail.grown());
      }
    }.bind(this);
    let released = false;
    return {
      [Symbol.asyncIterator]: batches,
      close: async () => {
        reader.close();
        if (released) return;
        released = true;
        if (--this.readers === 0) await this.stopTail();
      },
    };
  }

  /** The running tail; a new one from the head when there is none, or the last one failed. */
  private async tailFor(): Promise<Tail> {
    if (this.tail && this.tail.failure === undefined && !this.tail.ended) return this.tail;
    this.tail = undefined;
    const head = await this.store.headPosition();
    // Another reader may have started one while the head was read.
    this.tail ??= new Tail(this.store, head, this.batchSize, this.lingerMs, this.keep);
    return this.tail;
  }

  private async stopTail(): Promise<void> {
    const tail = this.tail;
    this.tail = undefined;
    await tail?.close();
  }
}

/** One view's subscription: closing it wakes it where it waits. */
class Reader {
  closed = false;
  private wake?: () => void;

  close(): void {
    this.closed = true;
    this.wake?.();
  }

  async until(event: Promise<void>): Promise<void> {
    await Promise.race([event, new Promise<void>((resolve) => (this.wake = resolve))]);
    this.wake = undefined;
  }
}

/** The store's subscription from `start`, its newest events kept: every readable event in `(start, end]`. */
class Tail {
  start: number;
  end: number;
  ended = false;
  failure: unknown = undefined;
  private events: RecordedEvent[] = [];
  private growth = signal();
  private readonly subscription: Subscription;
  private readonly pumped: Promise<void>;

  constructor(
    store: EventStore,
    from: number,
    private readonly batchSize: number,
    lingerMs: number,
    private readonly keep: number,
  ) {
    this.start = this.end = from;
    this.subscription = store.subscribe({ after: from, batchSize, lingerMs });
    this.pumped = this.pump();
  }

  /** The events after `after` held here, at most a batch; `after` at or past `start`. */
  slice(after: number): RecordedEvent[] {
    return eventsAfter(this.events, after, this.batchSize);
  }

  /** Settles when the next events are in, or the tail ended. */
  grown(): Promise<void> {
    return this.growth.promise;
  }

  async close(): Promise<void> {
    await this.subscription.close();
    await this.pumped;
  }

  private async pump(): Promise<void> {
    try {
      for await (const batch of this.subscription) {
        this.events.push(...batch);
        this.end = batch[batch.length - 1]!.position;
        if (this.events.length > this.keep) {
          const dropped = this.events.splice(0, this.events.length - this.keep);
          this.start = dropped[dropped.length - 1]!.position;
        }
        this.grew();
      }
    } catch (error) {
      this.failure = error;
    } finally {
      this.ended = true;
      this.grew();
    }
  }

  private grew(): void {
    const growth = this.growth;
    this.growth = signal();
    growth.resolve();
  }
}

/** A promise and what settles it (`Promise.withResolvers` is newer than Node 20). */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}
