import { randomUUID } from 'node:crypto';
import { InvalidAppend, WrongExpectedRevision } from '../event-store.errors.js';
import type { StoreRef } from './event-store.contract.js';
import { anEvent, events, uniquePrefix } from './contract-fixtures.js';

export function multiStreamContract(store: StoreRef): void {
  describe('atomic append to several streams', () => {
    const twoStreams = () => {
      const office = uniquePrefix();
      return [`${office}case-out`, `${uniquePrefix()}case-in`] as const;
    };

    it('stores every append, each at its stream revision, positions rising in the order given', async () => {
      const [out, into] = twoStreams();
      await store().append(out, events(2));
      const [first, second] = await store().appendToStreams([
        { streamId: out, events: [anEvent('TransferredOut')], expectedRevision: 1 },
        { streamId: into, events: events(2, 'TransferredIn'), expectedRevision: 'no_stream' },
      ]);
      expect(first).toMatchObject({ streamId: out, revision: 2 });
      expect(second).toMatchObject({ streamId: into, revision: 1 });
      const positions = [...first!.events, ...second!.events].map((e) => e.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(positions).size).toBe(3);
      expect((await store().readStream(out)).map((e) => e.type)).toEqual(['SomethingHappened', 'SomethingHappened', 'TransferredOut']);
      expect((await store().readStream(into)).map((e) => [e.revision, e.type, e.position])).toEqual(
        second!.events.map((e) => [e.revision, 'TransferredIn', e.position]),
      );
      expect((await store().readStream(into))[0]!.metadata).toEqual(second!.events[0]!.metadata);
      expect(second!.events[0]!.metadata.schemaVersion).toBe(1);
      // One instant for the whole call, as for one append: an `asOf` never splits a transfer.
      const stamps = [...(await store().readStream(out)).slice(2), ...(await store().readStream(into))].map((e) => e.recordedAt);
      expect(new Set(stamps)).toEqual(new Set([first!.events[0]!.recordedAt]));
    });

    it('stores nothing in any stream when one expected revision is wrong', async () => {
      const [out, into] = twoStreams();
      await store().append(into, [anEvent()]);
      const error = await store()
        .appendToStreams([
          { streamId: out, events: [anEvent('TransferredOut')], expectedRevision: 'no_stream' },
          { streamId: into, events: [anEvent('TransferredIn')], expectedRevision: 'no_stream' },
        ])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedRevision);
      expect(error).toMatchObject({ streamId: into, expected: 'no_stream', actual: 0 });
      expect(await store().readStream(out)).toEqual([]);
      expect((await store().readStream(into)).map((e) => e.type)).toEqual(['SomethingHappened']);
    });

    it('answers a retry with the same event ids with what was stored, storing nothing again', async () => {
      const [out, into] = twoStreams();
      const appends = [
        { streamId: out, events: [anEvent('TransferredOut', { n: 1 }, randomUUID())], expectedRevision: 'no_stream' as const },
        { streamId: into, events: [anEvent('TransferredIn', { n: 2 }, randomUUID())], expectedRevision: 'no_stream' as const },
      ];
      const first = await store().appendToStreams(appends);
      const retried = await store().appendToStreams(appends);
      expect(retried.map((r) => [r.streamId, r.revision, r.position])).toEqual(first.map((r) => [r.streamId, r.revision, r.position]));
      expect(retried.map((r) => r.events.map((e) => e.id))).toEqual(first.map((r) => r.events.map((e) => e.id)));
      expect((await store().readStream(out)).length).toBe(1);
      expect((await store().readStream(into)).length).toBe(1);
    });

    it('refuses the same stream twice, or no appends, storing nothing', async () => {
      const [out] = twoStreams();
      await expect(
        store().appendToStreams([
          { streamId: out, events: [anEvent()] },
          { streamId: out, events: [anEvent()] },
        ]),
      ).rejects.toBeInstanceOf(InvalidAppend);
      await expect(store().appendToStreams([])).rejects.toBeInstanceOf(InvalidAppend);
      expect(await store().readStream(out)).toEqual([]);
    });
  });
}
