import { InvalidAppend } from '../event-store.errors.js';
import type { NewEvent } from '../event-envelope.js';
import type { StoreRef } from './event-store.contract.js';
import { anEvent, metadata, uniquePrefix } from './contract-fixtures.js';

export function invalidInputContract(store: StoreRef): void {
  describe('bad input', () => {
    const refused = async (streamId: string, events: unknown, options?: unknown) => {
      const start = await store().headPosition();
      const error = await store()
        .append(streamId, events as NewEvent[], options as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidAppend);
      expect((error as Error).message.length).toBeGreaterThan(10);
      if (streamId) expect(await store().readStream(streamId)).toEqual([]);
      // With no stream id there is no prefix to look under: nothing at all may have been appended.
      expect(await store().readAll(streamId ? { after: start, streamPrefix: streamId } : { after: start })).toEqual([]);
    };
    const stream = () => `${uniquePrefix()}case-1`;
    const circular: Record<string, unknown> = {};
    circular.self = circular;

    it('refuses an empty stream id', async () => refused('', [anEvent()]));
    it('refuses an empty list of events', async () => refused(stream(), []));
    it('refuses data holding a BigInt', async () => refused(stream(), [anEvent('A', { amount: 10n })]));
    it('refuses circular data', async () => refused(stream(), [anEvent('A', circular)]));
    it('refuses data that is not a finite number', async () => refused(stream(), [anEvent('A', { ratio: Number.NaN })]));
    it('refuses data that JSON would silently empty, such as a Map', async () =>
      refused(stream(), [anEvent('A', { byOffice: new Map([['0314', 1]]) })]));
    it('refuses text holding a NUL character', async () => refused(stream(), [anEvent('A', { note: 'a\u0000b' })]));
    it('refuses an unknown expected revision', async () => {
      await refused(stream(), [anEvent()], { expectedRevision: -5 });
      await refused(stream(), [anEvent()], { expectedRevision: 'foo' });
      await refused(stream(), [anEvent()], { expectedRevision: 1.5 });
    });
    it('refuses an event without a type', async () => refused(stream(), [{ data: {}, metadata: metadata() }]));
    it('refuses metadata without its required fields', async () => {
      await refused(stream(), [{ type: 'A', data: {}, metadata: { ...metadata(), actor: undefined } }]);
      await refused(stream(), [{ type: 'A', data: {}, metadata: { ...metadata(), schemaVersion: 0 } }]);
    });
    it('refuses a whole batch when one of its events is bad', async () => refused(stream(), [anEvent(), anEvent('A', { x: 1n })]));
  });
}
