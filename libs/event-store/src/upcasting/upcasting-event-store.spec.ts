import { anEvent, metadata, take, uniquePrefix } from '../contract/contract-fixtures.js';
import type { NewEvent } from '../event-envelope.js';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store.js';
import { UpcasterRegistry } from './upcaster-registry.js';
import { UpcastingEventStore } from './upcasting-event-store.js';
import { EventNewerThanCode } from './upcasting.errors.js';

const registry = new UpcasterRegistry(
  (type) => (type === 'Greeted' ? 2 : 1),
  [{ type: 'Greeted', fromVersion: 1, upcast: (d) => ({ ...(d as object), greeting: 'hello' }) }],
);
const greetedV1 = (n: number): NewEvent => ({ type: 'Greeted', data: { n }, metadata: metadata({ schemaVersion: 1 }) });

describe('upcasting event store', () => {
  let inner: InMemoryEventStore;
  let store: UpcastingEventStore;
  beforeEach(() => {
    inner = new InMemoryEventStore();
    store = new UpcastingEventStore(inner, registry);
  });

  it('appends as given, and reads a stream back upcast', async () => {
    const stream = `${uniquePrefix()}case-1`;
    const appended = await store.append(stream, [greetedV1(1)]);
    expect(appended.events[0]!.metadata.schemaVersion).toBe(1);
    expect((await inner.readStream(stream))[0]!.data).toEqual({ n: 1 });
    const [read] = await store.readStream(stream);
    expect(read).toMatchObject({ data: { n: 1, greeting: 'hello' }, metadata: { schemaVersion: 2, storedSchemaVersion: 1 } });
  });

  it('upcasts readAll, and leaves current events and other types alone', async () => {
    const office = uniquePrefix();
    await store.append(`${office}case-1`, [
      greetedV1(1),
      { ...greetedV1(2), data: { n: 2, greeting: 'hei' }, metadata: metadata({ schemaVersion: 2 }) },
      anEvent('Other', { n: 3 }),
    ]);
    const read = await store.readAll({ streamPrefix: office });
    expect(read.map((e) => e.data)).toEqual([{ n: 1, greeting: 'hello' }, { n: 2, greeting: 'hei' }, { n: 3 }]);
  });

  it('upcasts what a subscription hands out', async () => {
    const office = uniquePrefix();
    await store.append(`${office}case-1`, [greetedV1(1), greetedV1(2)]);
    const subscription = store.subscribe({ streamPrefix: office });
    const events = await take(subscription[Symbol.asyncIterator](), 2);
    await subscription.close();
    expect(events.map((e) => e.data)).toEqual([
      { n: 1, greeting: 'hello' },
      { n: 2, greeting: 'hello' },
    ]);
  });

  it('fails a read that meets an event newer than the code', async () => {
    const stream = `${uniquePrefix()}case-1`;
    await inner.append(stream, [{ type: 'Greeted', data: {}, metadata: metadata({ schemaVersion: 3 }) }]);
    await expect(store.readStream(stream)).rejects.toThrow(EventNewerThanCode);
    await expect(store.readAll()).rejects.toThrow(EventNewerThanCode);
  });

  it('passes head position, ping and close through', async () => {
    await store.append(`${uniquePrefix()}case-1`, [greetedV1(1), greetedV1(2)]);
    expect(await store.headPosition()).toBe(2);
    // An adapter whose answers could come from nowhere else: a head that is not the event count,
    // a ping that fails, a close that is counted.
    const calls: string[] = [];
    const adapter = {
      headPosition: async () => (calls.push('headPosition'), 41),
      ping: async () => {
        calls.push('ping');
        throw new Error('database down');
      },
      close: async () => void calls.push('close'),
    };
    const passing = new UpcastingEventStore(adapter as unknown as InMemoryEventStore, registry);
    expect(await passing.headPosition()).toBe(41);
    await expect(passing.ping()).rejects.toThrow('database down');
    await passing.close();
    expect(calls).toEqual(['headPosition', 'ping', 'close']);
  });
});
