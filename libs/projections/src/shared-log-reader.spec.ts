import type { EventStore, ReadAllOptions, RecordedEvent, Subscription } from '@app/event-store';
import { SharedLogReader } from './shared-log-reader.js';
import { recordedEvent } from './testing/recorded-event.js';

/** A log of `count` events with gaps in the positions (as a sequence leaves them), counting reads. */
function logOf(count: number) {
  const events = Array.from({ length: count }, (_, i) => recordedEvent(i * 3 + 1, 'ContactRecorded'));
  const reads: ReadAllOptions[] = [];
  const store = {
    readAll: async (options: ReadAllOptions = {}) => {
      reads.push(options);
      await new Promise((resolve) => setImmediate(resolve));
      return events.filter((e) => e.position > (options.after ?? 0)).slice(0, options.limit);
    },
  } as unknown as EventStore;
  return { events, reads, store };
}

/** The positions of the events the reader's window holds: a white-box look, as the bound on them is the point of the class. */
const heldBy = (reader: SharedLogReader): number[] => (reader as unknown as { events: RecordedEvent[] }).events.map((e) => e.position);

/** Reads until `last` was handed out, `pauseEvery` batches yielding to the others to make speeds differ. */
async function readUpTo(reader: SharedLogReader, after: number, last: number, pauseEvery = 1): Promise<RecordedEvent[]> {
  const got: RecordedEvent[] = [];
  const subscription = reader.subscribe(after);
  let batches = 0;
  for await (const batch of subscription) {
    got.push(...batch);
    if (++batches % pauseEvery === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    if (batch[batch.length - 1]!.position >= last) break;
  }
  await subscription.close();
  return got;
}

/** Reads a subscription until `last` was handed out, then closes it. */
async function readAll(subscription: Subscription, last: number): Promise<RecordedEvent[]> {
  const got: RecordedEvent[] = [];
  for await (const batch of subscription) {
    got.push(...batch);
    if (batch[batch.length - 1]!.position >= last) break;
  }
  await subscription.close();
  return got;
}

describe('SharedLogReader', () => {
  it('hands every event to each reader once, in order, and reads the log about once for all of them', async () => {
    const { events, reads, store } = logOf(1000);
    const reader = new SharedLogReader(store, 50);
    const last = events.at(-1)!.position;
    const got = await Promise.all([readUpTo(reader, 0, last, 1), readUpTo(reader, 0, last, 3), readUpTo(reader, 0, last, 7)]);
    for (const each of got) expect(each.map((e) => e.position)).toEqual(events.map((e) => e.position));
    // 20 pages of the log; a direct read of each reader would be 60.
    expect(reads.length).toBeLessThanOrEqual(22);
  });

  it('serves a reader that starts part way, or behind the others, with exactly the events after its position', async () => {
    const { events, store } = logOf(600);
    const reader = new SharedLogReader(store, 40);
    const last = events.at(-1)!.position;
    const from = (after: number) => events.filter((e) => e.position > after).map((e) => e.position);
    const [a, b, c] = await Promise.all([
      readUpTo(reader, 0, last),
      readUpTo(reader, events[250]!.position, last, 2),
      readUpTo(reader, 2, last, 5),
    ]);
    expect(a.map((e) => e.position)).toEqual(from(0));
    expect(b.map((e) => e.position)).toEqual(from(events[250]!.position));
    expect(c.map((e) => e.position)).toEqual(from(2));
  });

  it('lets a reader that starts after the others moved on catch up and join the shared read', async () => {
    const { events, reads, store } = logOf(1000);
    const reader = new SharedLogReader(store, 50);
    const last = events.at(-1)!.position;
    const first = readUpTo(reader, 0, last, 1);
    while (reads.length < 5) await new Promise((resolve) => setTimeout(resolve, 1));
    // Both behind the window by now: one from the start of the log, one from part way.
    const late = await Promise.all([readUpTo(reader, 0, last, 1), readUpTo(reader, events[3]!.position, last, 1)]);
    for (const each of [await first, late[0]!]) expect(each.map((e) => e.position)).toEqual(events.map((e) => e.position));
    expect(late[1]!.map((e) => e.position)).toEqual(events.slice(4).map((e) => e.position));
    // 20 pages of the log, and the few the late readers read on their own to catch up; alone they would read 60.
    expect(reads.length).toBeLessThanOrEqual(32);
  });

  it('holds at most two pages past the slowest reader: the reader ahead waits for it there', async () => {
    const { events, store } = logOf(100);
    const reader = new SharedLogReader(store, 10);
    const slow = reader.subscribe(0);
    const slowPages = slow[Symbol.asyncIterator]();
    expect((await slowPages.next()).value).toHaveLength(10);
    // The slow reader now holds still after the 10th event.
    const fast: RecordedEvent[] = [];
    const fastSubscription = reader.subscribe(0);
    const reading = (async () => {
      for await (const batch of fastSubscription) {
        fast.push(...batch);
        if (fast.length === events.length) break;
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fast).toHaveLength(30);
    // The window: the two pages past the slowest reader; those before it let go.
    expect(heldBy(reader)).toEqual(events.slice(10, 30).map((e) => e.position));

    // The slow reader moves one page on: the fast one may then take one more, not wait for it to catch up.
    expect((await slowPages.next()).value).toHaveLength(10);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fast).toHaveLength(40);
    expect(heldBy(reader)).toEqual(events.slice(20, 40).map((e) => e.position));

    await slow.close();
    await reading;
    await fastSubscription.close();
    expect(fast.map((e) => e.position)).toEqual(events.map((e) => e.position));
  });

  it("serves a reader that starts between the window's start and its first event with every event after its position", async () => {
    const { events, store } = logOf(40);
    const reader = new SharedLogReader(store, 10);
    const firstSubscription = reader.subscribe(events[0]!.position + 1);
    const first = firstSubscription[Symbol.asyncIterator]();
    await first.next();
    // The window starts where the first reader did, before its first event; this one starts in that gap.
    const between = reader.subscribe(events[0]!.position + 2);
    await first.next();
    const got = await readAll(between, events.at(-1)!.position);
    await firstSubscription.close();
    expect(got.map((e) => e.position)).toEqual(events.slice(1).map((e) => e.position));
  });

  it('lets its events go while readers behind it catch up, and goes on with them once the reader waiting at its end closed', async () => {
    const { events, reads, store } = logOf(100);
    const reader = new SharedLogReader(store, 10);
    const last = events.at(-1)!.position;
    const waiting = reader.subscribe(0);
    const waitingPages = waiting[Symbol.asyncIterator]();
    await waitingPages.next();
    await waitingPages.next();
    // A reader ahead of the window reads the store on its own.
    const ahead = reader.subscribe(events[69]!.position);
    await ahead[Symbol.asyncIterator]().next();
    const behind = [reader.subscribe(0), reader.subscribe(0)];
    // At the end of the window, the first reader waits for those behind it: the window keeps nothing it had.
    const stillWaiting = waitingPages.next();
    await new Promise((resolve) => setImmediate(resolve));
    expect(heldBy(reader)).toEqual([]);
    // It closes while it waits, and the one ahead after it: the window goes on with those behind once they reach it.
    await waiting.close();
    await new Promise((resolve) => setImmediate(resolve));
    await ahead.close();
    const caughtUp = await Promise.all(behind.map((subscription) => readAll(subscription, last)));
    for (const each of caughtUp) expect(each.map((e) => e.position)).toEqual(events.map((e) => e.position));
    // The first two pages read by the first reader, one by the reader ahead; two each by those behind,
    // on their own up to the window; then the window's eight pages, shared.
    expect(reads).toHaveLength(2 + 1 + 2 * 2 + 8);
    expect(await stillWaiting).toEqual({ done: true, value: undefined });
  });

  it('with a bound below a page, still reads a page at a time and holds no more than one', async () => {
    const { events, store } = logOf(60);
    const reader = new SharedLogReader(store, 10, 5);
    const last = events.at(-1)!.position;
    // A page is the least the window can hold: past the bound, the reader ahead waits only while another is short of the end.
    const held: number[] = [];
    let reading = true;
    const sizes = (async () => {
      while (reading) {
        held.push(heldBy(reader).length);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const got = await Promise.all([readUpTo(reader, 0, last, 1), readUpTo(reader, 0, last, 2)]);
    reading = false;
    await sizes;
    for (const each of got) expect(each.map((e) => e.position)).toEqual(events.map((e) => e.position));
    expect(Math.max(...held)).toBe(10);
  });

  it('lets the window go when every reader closed, and reads again from the start', async () => {
    const { events, store } = logOf(100);
    const reader = new SharedLogReader(store, 30);
    const last = events.at(-1)!.position;
    await readUpTo(reader, 0, last);
    // With no reader left, the window's events are let go.
    expect(heldBy(reader)).toEqual([]);
    expect((await readUpTo(reader, 0, last)).map((e) => e.position)).toEqual(events.map((e) => e.position));
  });
});
