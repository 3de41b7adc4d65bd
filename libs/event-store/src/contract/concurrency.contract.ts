import { WrongExpectedRevision } from '../event-store.errors.js';
import type { StoreRef } from './event-store.contract.js';
import { anEvent, readableThrough, uniqueStream } from './contract-fixtures.js';

export function concurrencyContract(store: StoreRef): void {
  describe('concurrent writers', () => {
    it('lets exactly one of 50 writers with the same expected revision win each round; revisions stay gap-free', async () => {
      const stream = uniqueStream();
      await store().append(stream, [anEvent('Start', { writer: -1 })]);
      const rounds = 5;
      for (let round = 0; round < rounds; round++) {
        const outcomes = await Promise.allSettled(
          Array.from({ length: 50 }, (_, writer) =>
            store().append(stream, [anEvent('Write', { round, writer })], { expectedRevision: round }),
          ),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o) => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost.every((o) => (o as PromiseRejectedResult).reason instanceof WrongExpectedRevision)).toBe(true);
      }
      const stored = await store().readStream(stream);
      expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: rounds + 1 }, (_, i) => i));
    });

    it('stores all 20 parallel appends with expected revision any, each where its result says', async () => {
      const stream = uniqueStream();
      const start = await store().headPosition();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, writer) => store().append(stream, [anEvent('Write', { writer })], { expectedRevision: 'any' })),
      );
      const stored = await store().readStream(stream);
      expect(stored).toHaveLength(20);
      expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      const byId = new Map(stored.map((e) => [e.id, e]));
      for (const result of results) {
        const reported = result.events[0]!;
        expect(byId.get(reported.id)).toMatchObject({ revision: result.revision, position: result.position });
      }
      expect(new Set(stored.map((e) => (e.data as { writer: number }).writer)).size).toBe(20);
      // None reported stored and then missing from the global log either.
      const reported = results.map((r) => r.position).sort((a, b) => a - b);
      await readableThrough(store(), reported[19]!);
      const inLog = await store().readAll({ after: start, streamPrefix: stream });
      expect(inLog.map((e) => e.position)).toEqual(reported);
    });
  });
}
