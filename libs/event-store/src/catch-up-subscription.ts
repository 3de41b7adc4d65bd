import type { ChangeSignal } from './change-signal.js';
import type { RecordedEvent } from './event-envelope.js';
import type { ReadAllOptions, SubscribeOptions, Subscription } from './event-store.port.js';

const DEFAULT_BATCH_SIZE = 500;

/**
 * Catch-up then live, for adapters whose `readAll` is the source of truth: read batches after the
 * last position handed out; when there is nothing new, sleep until the signal or the poll interval.
 * Because it only ever reads `readAll`, it sees exactly what readers may see (no gaps, no skips).
 */
export function catchUpSubscription(
  readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>,
  signal: ChangeSignal,
  options: SubscribeOptions,
  pollIntervalMs: number,
): Subscription {
  let closed = false;
  let after = options.after ?? 0;
  const limit = options.batchSize ?? DEFAULT_BATCH_SIZE;

  async function* batches(): AsyncGenerator<RecordedEvent[]> {
    while (!closed) {
      const batch = await readAll({ after, limit, streamPrefix: options.streamPrefix, types: options.types });
      if (closed) return;
      if (batch.length > 0) {
        after = batch[batch.length - 1]!.position;
        yield batch;
      } else {
        await signal.wait(pollIntervalMs);
      }
    }
  }

  return {
    [Symbol.asyncIterator]: () => batches(),
    close: async () => {
      closed = true;
      signal.notify();
    },
  };
}
