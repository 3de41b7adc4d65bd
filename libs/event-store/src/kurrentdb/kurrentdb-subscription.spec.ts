import { PassThrough } from 'node:stream';
import type { RecordedEvent } from '../event-envelope.js';
import { batchedSubscription, type SubscriptionSource } from './kurrentdb-subscription.js';

/** Stands in for the client's subscription: a Readable in object mode that unsubscribe ends. */
function fakeSource(): SubscriptionSource<RecordedEvent> & { stream: PassThrough; unsubscribed: boolean } {
  const stream = new PassThrough({ objectMode: true });
  const source = {
    stream,
    unsubscribed: false,
    get readableLength() {
      return stream.readableLength;
    },
    [Symbol.asyncIterator]: () => stream[Symbol.asyncIterator]() as AsyncIterator<RecordedEvent>,
    unsubscribe: async () => {
      source.unsubscribed = true;
    },
  };
  return source;
}

const event = (position: number): RecordedEvent => ({
  id: `0190f3a0-0000-7000-8000-${String(position).padStart(12, '0')}`,
  type: position % 2 ? 'Odd' : 'Even',
  data: { n: position },
  metadata: { actor: 'Z123456', officeNumber: '0314', commandId: 'c', correlationId: 'c', causationId: 'c', schemaVersion: 1 },
  streamId: 'office-0314.case-1',
  revision: position,
  position,
  recordedAt: '2026-01-01T00:00:00.000Z',
});

const positions = (result: IteratorResult<RecordedEvent[]>) => (result.done ? 'done' : result.value.map((e) => e.position));

describe('batched KurrentDB subscription', () => {
  it('hands out what has already arrived in batches of at most batchSize, in order', async () => {
    const source = fakeSource();
    for (const p of [1, 2, 3, 4, 5]) source.stream.write(event(p));
    const batches = batchedSubscription(source, (e) => e, 2)[Symbol.asyncIterator]();
    expect(positions(await batches.next())).toEqual([1, 2]);
    expect(positions(await batches.next())).toEqual([3, 4]);
    expect(positions(await batches.next())).toEqual([5]);
  });

  it('waits for the next event when nothing is buffered, then hands it out alone', async () => {
    const source = fakeSource();
    const batches = batchedSubscription(source, (e) => e, 100)[Symbol.asyncIterator]();
    const next = batches.next();
    source.stream.write(event(7));
    expect(positions(await next)).toEqual([7]);
  });

  it('leaves out what the mapping refuses and never hands out an empty batch', async () => {
    const source = fakeSource();
    for (const p of [1, 2, 3]) source.stream.write(event(p));
    const batches = batchedSubscription(source, (e) => (e.type === 'Even' ? e : undefined), 10)[Symbol.asyncIterator]();
    expect(positions(await batches.next())).toEqual([2]);
    const next = batches.next();
    source.stream.write(event(5));
    source.stream.write(event(6));
    expect(positions(await next)).toEqual([6]);
  });

  it('ends an iteration that is waiting when closed, and unsubscribes from the server', async () => {
    const source = fakeSource();
    const subscription = batchedSubscription(source, (e) => e, 10);
    const next = subscription[Symbol.asyncIterator]().next();
    await subscription.close();
    await expect(next).resolves.toEqual({ done: true, value: undefined });
    expect(source.unsubscribed).toBe(true);
  });

  it('ends when the server ends the subscription', async () => {
    const source = fakeSource();
    source.stream.write(event(1));
    source.stream.end();
    const batches = batchedSubscription(source, (e) => e, 10)[Symbol.asyncIterator]();
    expect(positions(await batches.next())).toEqual([1]);
    expect(positions(await batches.next())).toBe('done');
  });

  it('passes a failure of the server subscription on to the reader', async () => {
    const source = fakeSource();
    const batches = batchedSubscription(source, (e) => e, 10)[Symbol.asyncIterator]();
    const next = batches.next();
    source.stream.destroy(new Error('connection lost'));
    await expect(next).rejects.toThrow('connection lost');
  });
});
