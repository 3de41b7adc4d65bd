import type { RecordedEvent } from '../event-envelope.js';
import type { Subscription } from '../event-store.port.js';

/** The part of the client's `$all` subscription (a Node Readable in object mode) used here. */
export interface SubscriptionSource<T> extends AsyncIterable<T> {
  /** Items already buffered, so a batch can take them without waiting. */
  readonly readableLength: number;
  unsubscribe(): Promise<void>;
}

/**
 * Our subscription over the client's: events grouped into batches of what has already arrived
 * (up to `batchSize`), so a projection commits many at once while catching up and one at a time
 * when live. `toEvent` drops what is not wanted (returns undefined). `close()` ends an iteration
 * that is waiting, without relying on how the cancelled gRPC call ends the client's stream.
 */
export function batchedSubscription<T>(
  source: SubscriptionSource<T>,
  toEvent: (item: T) => RecordedEvent | undefined,
  batchSize: number,
): Subscription {
  const items = source[Symbol.asyncIterator]();
  let closed = false;
  let markClosed = (): void => undefined;
  const closing = new Promise<'closed'>((resolve) => (markClosed = () => resolve('closed')));

  const nextOrClosed = (): Promise<IteratorResult<T> | 'closed'> => {
    const next = items.next();
    // When close wins the race, a later failure of this read has nobody waiting for it.
    next.catch(() => undefined);
    return Promise.race([next, closing]);
  };

  async function* batches(): AsyncGenerator<RecordedEvent[]> {
    while (!closed) {
      let next = await nextOrClosed();
      const batch: RecordedEvent[] = [];
      while (next !== 'closed' && !next.done) {
        const event = toEvent(next.value);
        if (event) batch.push(event);
        if (batch.length >= batchSize || source.readableLength === 0) break;
        next = await nextOrClosed();
      }
      if (batch.length > 0 && !closed) yield batch;
      if (next === 'closed' || next.done) return;
    }
  }

  return {
    [Symbol.asyncIterator]: () => batches(),
    close: async () => {
      if (closed) return;
      closed = true;
      markClosed();
      await source.unsubscribe();
    },
  };
}
