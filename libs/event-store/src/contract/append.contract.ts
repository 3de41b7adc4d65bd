import { v7 as uuidv7, version as uuidVersion } from 'uuid';
import { InvalidAppend, WrongExpectedRevision } from '../event-store.errors.js';
import type { StoreRef } from './event-store.contract.js';
import { anEvent, events, metadata, uniqueStream } from './contract-fixtures.js';

export function appendContract(store: StoreRef): void {
  describe('append', () => {
    it('stores the full envelope: UUIDv7 id, type, data, metadata, stream, revision, position, recordedAt', async () => {
      const stream = uniqueStream();
      const meta = metadata({ actor: 'A654321', schemaVersion: 2 });
      const result = await store().append(stream, [
        { type: 'EmployerContacted', data: { orgNumber: '974760673', nested: { a: [1, 'b'] } }, metadata: meta },
      ]);
      const [stored] = await store().readStream(stream);
      expect(stored).toEqual(result.events[0]);
      expect(uuidVersion(stored!.id)).toBe(7);
      expect(stored).toMatchObject({
        type: 'EmployerContacted',
        data: { orgNumber: '974760673', nested: { a: [1, 'b'] } },
        metadata: meta,
        streamId: stream,
        revision: 0,
        position: result.position,
      });
      expect(new Date(stored!.recordedAt).toISOString()).toBe(stored!.recordedAt);
      expect(Math.abs(Date.parse(stored!.recordedAt) - Date.now())).toBeLessThan(60_000);
    });

    it('appends several events atomically, in order, with consecutive revisions and rising positions', async () => {
      const stream = uniqueStream();
      const result = await store().append(stream, events(5));
      const stored = await store().readStream(stream);
      expect(stored.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      expect(stored.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2, 3, 4]);
      const positions = stored.map((e) => e.position);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(new Set(positions).size).toBe(5);
      expect(result).toMatchObject({ streamId: stream, revision: 4, position: positions[4] });
    });

    it('appends nothing of a batch that is refused', async () => {
      const stream = uniqueStream();
      await store().append(stream, events(2));
      await expect(store().append(stream, events(3), { expectedRevision: 0 })).rejects.toBeInstanceOf(WrongExpectedRevision);
      expect(await store().readStream(stream)).toHaveLength(2);
    });

    it('stores an event id appended twice once, and the retry answers as the first append did', async () => {
      const stream = uniqueStream();
      const retried = [anEvent('A', { n: 1 }, uuidv7()), anEvent('B', { n: 2 }, uuidv7())];
      const first = await store().append(stream, retried, { expectedRevision: 'no_stream' });
      const again = await store().append(stream, retried, { expectedRevision: 'no_stream' });
      expect(again.revision).toBe(first.revision);
      expect(again.position).toBe(first.position);
      expect(again.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
      expect(await store().readStream(stream)).toHaveLength(2);
    });

    it('stores an append retried by five callers at the same moment once, and answers each the same', async () => {
      const stream = uniqueStream();
      const retried = [anEvent('A', { n: 1 }, uuidv7()), anEvent('B', { n: 2 }, uuidv7())];
      const results = await Promise.all(
        Array.from({ length: 5 }, () => store().append(stream, retried, { expectedRevision: 'no_stream' })),
      );
      expect(new Set(results.map((r) => `${r.revision}@${r.position}`)).size).toBe(1);
      expect((await store().readStream(stream)).map((e) => e.id)).toEqual(retried.map((e) => e.id));
    });

    it('refuses event ids already stored in another stream, storing nothing there', async () => {
      const [stream, other] = [uniqueStream(), uniqueStream()];
      const stored = [anEvent('A', { n: 1 }, uuidv7()), anEvent('B', { n: 2 }, uuidv7())];
      await store().append(stream, stored, { expectedRevision: 'no_stream' });
      await expect(store().append(other, stored, { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(InvalidAppend);
      await expect(store().append(other, [anEvent('C', { n: 3 }, uuidv7()), stored[1]!])).rejects.toBeInstanceOf(InvalidAppend);
      await expect(
        store().appendToStreams([{ streamId: other, events: stored.slice(0, 1), expectedRevision: 'no_stream' }]),
      ).rejects.toBeInstanceOf(InvalidAppend);
      expect(await store().readStream(other)).toEqual([]);
      expect((await store().readStream(stream)).map((e) => e.id)).toEqual(stored.map((e) => e.id));
    });

    it('refuses a retry that is not the same append: all its ids stored in another stream, or new ids beside stored ones', async () => {
      const [stream, other] = [uniqueStream(), uniqueStream()];
      const stored = [anEvent('A', { n: 1 }, uuidv7()), anEvent('B', { n: 2 }, uuidv7())];
      await store().append(stream, stored, { expectedRevision: 'no_stream' });
      // Each refused for one reason only: every id found, but in another stream; or each id found in
      // this stream, but not every id.
      await expect(store().append(other, stored, { expectedRevision: 'any' })).rejects.toBeInstanceOf(InvalidAppend);
      const added = anEvent('C', { n: 3 }, uuidv7());
      await expect(store().append(stream, [stored[1]!, added], { expectedRevision: 'any' })).rejects.toBeInstanceOf(InvalidAppend);
      await expect(store().append(stream, [stored[1]!, added], { expectedRevision: 1 })).rejects.toBeInstanceOf(InvalidAppend);
      expect(await store().readStream(other)).toEqual([]);
      expect((await store().readStream(stream)).map((e) => e.id)).toEqual(stored.map((e) => e.id));
    });

    it('stamps every event of one append with the same recordedAt, in whole milliseconds', async () => {
      const stream = uniqueStream();
      const result = await store().append(stream, events(200));
      const stamps = new Set((await store().readStream(stream)).map((e) => e.recordedAt));
      expect([...stamps]).toEqual([result.events[0]!.recordedAt]);
      expect(new Date(result.events[0]!.recordedAt).toISOString()).toBe(result.events[0]!.recordedAt);
    });
  });
}
