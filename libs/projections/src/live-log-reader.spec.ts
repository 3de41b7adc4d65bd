import {
  InMemoryEventStore,
  officeStream,
  type NewEvent,
  type ReadAllOptions,
  type RecordedEvent,
  type Subscription,
} from '@app/event-store';
import { LiveLogReader } from './live-log-reader.js';

/** An in-memory log that counts the events its reads hand out, and can be made to fail its reads. */
function logOf() {
  const store = new InMemoryEventStore();
  const counted = { eventsRead: 0, failing: undefined as Error | undefined };
  const read = store.readAll.bind(store);
  store.readAll = async (options?: ReadAllOptions) => {
    if (counted.failing) throw counted.failing;
    const events = await read(options);
    counted.eventsRead += events.length;
    return events;
  };
  let n = 0;
  const append = async (count: number): Promise<number[]> => {
    const events: NewEvent[] = Array.from({ length: count }, () => ({
      type: 'ContactRecorded',
      data: { n: ++n },
      metadata: {
        actor: 'Z123456',
        officeNumber: '0314',
        commandId: `c${n}`,
        correlationId: `c${n}`,
        causationId: `c${n}`,
        schemaVersion: 1,
      },
    }));
    return (await store.append(officeStream('0314', 'case', `s${n}`), events)).events.map((e) => e.position);
  };
  return { store, counted, append };
}

/** Reads until `last` was handed out, then closes; the batches as they came. */
async function batchesUpTo(subscription: Subscription, last: number): Promise<RecordedEvent[][]> {
  const batches: RecordedEvent[][] = [];
  for await (const batch of subscription) {
    batches.push(batch);
    if (batch[batch.length - 1]!.position >= last) break;
  }
  await subscription.close();
  return batches;
}

const positions = (batches: RecordedEvent[][]) => batches.flat().map((e) => e.position);

describe('LiveLogReader', () => {
  it('hands the views at the head every new event once, in order, in batches of at most its size, read once for all', async () => {
    const { store, counted, append } = logOf();
    await append(5);
    const reader = new LiveLogReader(store, 4, 0);
    const head = await store.headPosition();
    const views = [reader.subscribe(head), reader.subscribe(head), reader.subscribe(head)];
    // The in-memory log leaves no gaps: the 21 events to come take the next 21 positions.
    const appended = Array.from({ length: 21 }, (_, i) => head + 1 + i);
    const reading = Promise.all(views.map((view) => batchesUpTo(view, appended.at(-1)!)));
    await new Promise((resolve) => setTimeout(resolve, 20)); // the views wait at the head
    counted.eventsRead = 0;
    for (let i = 0; i < 6; i++) {
      await append(i + 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const got = await reading;
    for (const batches of got) {
      expect(positions(batches)).toEqual(appended);
      expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(4);
    }
    // Three subscriptions of their own would have read each event three times.
    expect(counted.eventsRead).toBe(appended.length);
  });

  it('lets a view behind its window read the store itself, then hands it slices: exactly the events after its position', async () => {
    const { store, append } = logOf();
    const reader = new LiveLogReader(store, 5, 0, 10);
    const atHead = reader.subscribe(await store.headPosition());
    const appended = await append(60);
    expect(positions(await batchesUpTo(atHead, appended.at(-1)!))).toEqual(appended);

    const keepsTailGoing = reader.subscribe(appended.at(-1)!);
    const behind = reader.subscribe(appended[7]!);
    const more = await append(3);
    expect(positions(await batchesUpTo(behind, more.at(-1)!))).toEqual([...appended.slice(8), ...more]);
    expect(positions(await batchesUpTo(keepsTailGoing, more.at(-1)!))).toEqual(more);
  });

  it('hands a failed read to every view, and the next subscription starts over from the head', async () => {
    const { store, counted, append } = logOf();
    const reader = new LiveLogReader(store, 10, 0);
    const head = await store.headPosition();
    const subscriptions = [reader.subscribe(head), reader.subscribe(head)];
    const views = subscriptions.map((view) => view[Symbol.asyncIterator]());
    const first = await append(1);
    for (const view of views) expect((await view.next()).value.map((e: RecordedEvent) => e.position)).toEqual(first);
    counted.failing = new Error('connection terminated');
    const failed = views.map((view) => view.next());
    await append(1);
    for (const outcome of failed) await expect(outcome).rejects.toThrow('connection terminated');
    await Promise.all(subscriptions.map((subscription) => subscription.close()));

    counted.failing = undefined;
    const again = reader.subscribe(first[0]!);
    const later = await append(2);
    expect(positions(await batchesUpTo(again, later.at(-1)!))).toEqual([first[0]! + 1, ...later]);
  });

  it('stops reading once its last view closes, and a closed view waiting at the head ends', async () => {
    const { store, counted, append } = logOf();
    const reader = new LiveLogReader(store, 10, 0);
    const view = reader.subscribe(await store.headPosition());
    const waiting = view[Symbol.asyncIterator]().next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await view.close();
    expect(await waiting).toEqual({ done: true, value: undefined });
    counted.eventsRead = 0;
    await append(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(counted.eventsRead).toBe(0);
  });
});
