import { events, uniqueStream } from './contract/contract-fixtures.js';
import { InMemoryEventStore } from './in-memory/in-memory-event-store.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('catch-up subscription lingerMs', () => {
  let store: InMemoryEventStore;
  beforeEach(() => (store = new InMemoryEventStore()));
  afterEach(() => store.close());

  it('hands out the appends that arrive during a linger as one batch, after the first came alone', async () => {
    const subscription = store.subscribe({ lingerMs: 2_000 });
    const batches = subscription[Symbol.asyncIterator]();
    const first = batches.next();
    await store.append(uniqueStream(), events(1));
    expect((await first).value).toHaveLength(1);
    // The subscription now lingers; these three come while it waits, each after a pause that
    // lets a subscription that did not linger read the one before on its own.
    const second = batches.next();
    for (let n = 0; n < 3; n++) {
      await pause(30);
      await store.append(uniqueStream(), events(1));
    }
    expect((await second).value.map((e: { position: number }) => e.position)).toEqual([2, 3, 4]);
    await subscription.close();
  });

  it('without a linger reads again at once, so appends one at a time come one batch each', async () => {
    const subscription = store.subscribe();
    const batches = subscription[Symbol.asyncIterator]();
    for (let n = 1; n <= 3; n++) {
      const next = batches.next();
      await pause(30);
      await store.append(uniqueStream(), events(1));
      expect((await next).value.map((e: { position: number }) => e.position)).toEqual([n]);
    }
    await subscription.close();
  });

  it('ends a linger at close instead of waiting it out', async () => {
    const subscription = store.subscribe({ lingerMs: 60_000 });
    const batches = subscription[Symbol.asyncIterator]();
    const first = batches.next();
    await store.append(uniqueStream(), events(1));
    await first;
    const pending = batches.next();
    const closedAt = Date.now();
    await subscription.close();
    expect((await pending).done).toBe(true);
    expect(Date.now() - closedAt).toBeLessThan(5_000);
  });
});
