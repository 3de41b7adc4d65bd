import { WrongExpectedRevision } from '../event-store.errors.js';
import type { ExpectedRevision } from '../event-store.port.js';
import type { StoreRef } from './event-store.contract.js';
import { anEvent, events, uniqueStream } from './contract-fixtures.js';

export function expectedRevisionContract(store: StoreRef): void {
  describe('expected revision', () => {
    const refuses = async (streamId: string, expected: ExpectedRevision, actual: number) => {
      const before = await store().readStream(streamId);
      const error = await store()
        .append(streamId, [anEvent()], { expectedRevision: expected })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedRevision);
      expect(error).toMatchObject({ streamId, expected, actual });
      expect(await store().readStream(streamId)).toEqual(before);
    };

    it('no_stream appends to a new stream at revision 0', async () => {
      const stream = uniqueStream();
      const result = await store().append(stream, [anEvent()], { expectedRevision: 'no_stream' });
      expect(result.revision).toBe(0);
    });

    it('no_stream refuses a stream that exists', async () => {
      const stream = uniqueStream();
      await store().append(stream, [anEvent()]);
      await refuses(stream, 'no_stream', 0);
    });

    it('exists appends to a stream that has events', async () => {
      const stream = uniqueStream();
      await store().append(stream, [anEvent()]);
      const result = await store().append(stream, [anEvent()], { expectedRevision: 'exists' });
      expect(result.revision).toBe(1);
    });

    it('exists refuses a stream that does not exist', async () => {
      await refuses(uniqueStream(), 'exists', -1);
    });

    it('a numeric revision appends when it is the current one', async () => {
      const stream = uniqueStream();
      await store().append(stream, events(3));
      const result = await store().append(stream, [anEvent()], { expectedRevision: 2 });
      expect(result.revision).toBe(3);
    });

    it('a numeric revision refuses a stream at another revision, or none', async () => {
      const stream = uniqueStream();
      await store().append(stream, events(3));
      await refuses(stream, 1, 2);
      await refuses(stream, 3, 2);
      await refuses(uniqueStream(), 0, -1);
    });

    it('any appends whatever the stream holds', async () => {
      const stream = uniqueStream();
      const first = await store().append(stream, [anEvent()], { expectedRevision: 'any' });
      const second = await store().append(stream, [anEvent()], { expectedRevision: 'any' });
      expect([first.revision, second.revision]).toEqual([0, 1]);
    });
  });
}
