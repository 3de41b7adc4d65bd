import type { ChangeSignal } from './change-signal.js';
import type { RecordedEvent } from './event-envelope.js';
import type { ReadAllOptions, SubscribeOptions, Subscription } from './event-store.port.js';

const DEFAULT_BATCH_SIZE = 500;
const FIRST_HELD_BACK_WAIT_MS = 10;
const LONGEST_HELD_BACK_WAIT_MS = 1000;

export interface CatchUpSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  signal: ChangeSignal;
  pollIntervalMs: number;
  /**
   * True when events are stored but not yet readable (an older transaction is still running).
   * That transaction may end without a notification, so look again soon instead of at the poll.
   */
  heldBack?(): Promise<boolean>;
}

/**
 * Catch-up then live, for adapters whose `readAll` is the source of truth: read batches after the
 * last position handed out; when there is nothing new, sleep until the signal or the poll interval.
 * Because it only ever reads `readAll`, it sees exactly what readers may see (no gaps, no skips).
 */
export function catchUpSubscription(source: CatchUpSource, options: SubscribeOptions): Subscription {
  let closed = false;
  let after = options.after ?? 0;
  const limit = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const lingerMs = options.lingerMs ?? 0;
  // Cut short by close(), so that closing never waits out a linger.
  let endLinger: (() => void) | undefined;
  const linger = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        endLinger = undefined;
        resolve();
      }
      endLinger = done;
    });
  const { signal } = source;

  async function* batches(): AsyncGenerator<RecordedEvent[]> {
    let heldBackWait = FIRST_HELD_BACK_WAIT_MS;
    while (!closed) {
      const seen = signal.generation;
      const batch = await source.readAll({ after, limit, streamPrefix: options.streamPrefix, types: options.types });
      if (closed) return;
      if (batch.length > 0) {
        after = batch[batch.length - 1]!.position;
        heldBackWait = FIRST_HELD_BACK_WAIT_MS;
        yield batch;
        if (batch.length < limit && lingerMs > 0 && !closed) await linger(lingerMs);
      } else if (await source.heldBack?.()) {
        await signal.wait(Math.min(heldBackWait, source.pollIntervalMs), seen);
        heldBackWait = Math.min(heldBackWait * 2, LONGEST_HELD_BACK_WAIT_MS);
      } else {
        await signal.wait(source.pollIntervalMs, seen);
      }
    }
  }

  return {
    [Symbol.asyncIterator]: () => batches(),
    close: async () => {
      closed = true;
      endLinger?.();
      signal.notify();
    },
  };
}
