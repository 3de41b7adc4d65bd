import type { RecordedEvent } from '../event-envelope.js';
import type { StoreRef } from './event-store.contract.js';
import { anEvent, take, uniquePrefix } from './contract-fixtures.js';

const numbers = (events: RecordedEvent[]) => events.map((e) => (e.data as { n: number }).n);

export function subscriptionContract(store: StoreRef): void {
  describe('subscribe', () => {
    it('catches up, goes live, and resumes after a restart from its checkpoint without loss or duplicates', async () => {
      const office = uniquePrefix();
      const start = await store().headPosition();
      for (let n = 0; n < 5; n++) await store().append(`${office}case-${n % 2}`, [anEvent('A', { n })]);

      const first = store().subscribe({ after: start, streamPrefix: office, batchSize: 2 });
      const iterator = first[Symbol.asyncIterator]();
      const caughtUp = await take(iterator, 5);
      expect(numbers(caughtUp)).toEqual([0, 1, 2, 3, 4]);

      const live = take(iterator, 2);
      await store().append(`${office}case-9`, [anEvent('A', { n: 5 })]);
      await store().append(`${office}case-9`, [anEvent('A', { n: 6 })]);
      const liveEvents = await live;
      expect(numbers(liveEvents)).toEqual([5, 6]);
      const checkpoint = liveEvents[liveEvents.length - 1]!.position;
      await first.close();

      // Appended while nobody listens: the resumed subscription must deliver exactly these.
      await store().append(`${office}case-9`, [anEvent('A', { n: 7 })]);
      await store().append(`${office}case-8`, [anEvent('A', { n: 8 })]);
      const resumed = store().subscribe({ after: checkpoint, streamPrefix: office });
      const again = await take(resumed[Symbol.asyncIterator](), 2);
      expect(numbers(again)).toEqual([7, 8]);
      await resumed.close();
    });

    it('ends its iteration when closed while waiting for events', async () => {
      const subscription = store().subscribe({ after: await store().headPosition(), streamPrefix: uniquePrefix() });
      const next = subscription[Symbol.asyncIterator]().next();
      await subscription.close();
      await expect(next).resolves.toMatchObject({ done: true });
    });

    it('hands only the subscribed event types to a filtered subscription', async () => {
      const office = uniquePrefix();
      const start = await store().headPosition();
      await store().append(`${office}case-1`, [anEvent('Wanted', { n: 1 }), anEvent('Other', { n: 2 }), anEvent('Wanted', { n: 3 })]);
      const subscription = store().subscribe({ after: start, streamPrefix: office, types: ['Wanted'] });
      expect(numbers(await take(subscription[Symbol.asyncIterator](), 2))).toEqual([1, 3]);
      await subscription.close();
    });
  });
}
