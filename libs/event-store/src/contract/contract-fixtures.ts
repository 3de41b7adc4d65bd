import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '../event-envelope.js';
import type { EventStore } from '../event-store.port.js';

export const metadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  actor: 'Z123456',
  officeNumber: '0314',
  commandId: randomUUID(),
  correlationId: randomUUID(),
  causationId: randomUUID(),
  schemaVersion: 1,
  ...overrides,
});

export const anEvent = (type = 'SomethingHappened', data: unknown = { n: 1 }, id?: string): NewEvent => ({
  id,
  type,
  data,
  metadata: metadata(),
});

export const events = (count: number, type = 'SomethingHappened'): NewEvent[] =>
  Array.from({ length: count }, (_, n) => anEvent(type, { n }));

/** A prefix of its own per test, so tests may share one store (KurrentDB cannot be emptied). */
export const uniquePrefix = (): string =>
  `office-${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}x${randomUUID().slice(0, 8)}.`;

export const uniqueStream = (kind = 'case'): string => `${uniquePrefix()}${kind}-${randomUUID()}`;

/** Reads all of a subscription's batches until `count` events arrived or time runs out. */
export async function take<T>(iterator: AsyncIterator<T[]>, count: number, timeoutMs = 10_000): Promise<T[]> {
  const received: T[] = [];
  const deadline = Date.now() + timeoutMs;
  while (received.length < count) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    let timer: NodeJS.Timeout | undefined;
    const next = await Promise.race([
      iterator.next(),
      new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), remaining))),
    ]);
    clearTimeout(timer);
    if (next === 'timeout' || next.done) break;
    received.push(...next.value);
  }
  return received;
}

/**
 * Waits until readers of `$all` may see `position`. An appended event may be readable a moment
 * later than its append returns (PostgreSQL holds it back while an older transaction anywhere on
 * the server still runs); this waits for that, and fails if it never comes.
 */
export async function readableThrough(store: EventStore, position: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await store.headPosition()) < position) {
    if (Date.now() > deadline) throw new Error(`position ${position} did not become readable within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
