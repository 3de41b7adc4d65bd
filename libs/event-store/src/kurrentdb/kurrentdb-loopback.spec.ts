import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { v7 as uuidv7 } from 'uuid';
import { InvalidAppend, InvalidPosition } from '../event-store.errors.js';
import { isIdClaim } from './kurrentdb-id-claims.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';
import { PAGE_SIZE } from './kurrentdb-pages.js';
import { KurrentDbGrpcStub, type StubRecord } from './testing/kurrentdb-grpc-stub.js';

// The real client 1.3.1 (its Rust bridge and iterator) against a loopback gRPC server.
const meta = { actor: 'Z123456', officeNumber: '0314', commandId: 'c', correlationId: 'c', causationId: 'c', schemaVersion: 1 };
const record = (n: number, fields: Partial<StubRecord> = {}): StubRecord => ({
  id: uuidv7(),
  streamId: `office-0314.case-${n}`,
  revision: 0,
  // Byte offsets of records of uneven sizes, as on a server.
  position: 1000 + n * 137,
  type: 'A',
  data: { n },
  metadata: { ...meta, $recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, n)).toISOString() },
  ...fields,
});

describe('KurrentDB adapter over the real client, against a loopback gRPC server', () => {
  let stub: KurrentDbGrpcStub;
  let store: KurrentDbEventStore;
  const start = async (log: StubRecord[], now?: () => Date) => {
    stub = new KurrentDbGrpcStub(log);
    store = new KurrentDbEventStore(KurrentDBClient.connectionString(await stub.start()), now);
  };
  afterEach(async () => {
    await store.close();
    stub.stop();
  });
  const settled = () => new Promise((resolve) => setTimeout(resolve, 100));
  /** The stub's records but the adapter's claims of event ids. */
  const stored = () => stub.log.filter((r) => !isIdClaim(r.streamId));

  it('asks every read for a bounded page from the leader, and leaves no call open after reads stopped early', async () => {
    await start(Array.from({ length: 1200 }, (_, n) => record(n)));
    expect(await store.readAll({ limit: 2 })).toHaveLength(2);
    expect(await store.readAll({ streamPrefix: 'office-0314.', recordedFrom: '2026-01-01T00:00:00.900Z', limit: 1 })).toHaveLength(1);
    expect(await store.readStream('office-0314.case-7')).toHaveLength(1);
    expect(await store.headPosition()).toBe(1000 + 1199 * 137);
    await settled();
    expect(stub.reads.length).toBeGreaterThan(4);
    expect(stub.reads.every((r) => r.count <= PAGE_SIZE && r.requiresLeader)).toBe(true);
    expect(stub.open).toBe(0);
  });

  it('reads on past pages the adapter thins out, so a limited read is short only at the end of the log', async () => {
    // 700 events of the office of another type, and bytes of another tool, before the ones asked for.
    const log = [
      ...Array.from({ length: 700 }, (_, n) => record(n, { type: 'B' })),
      ...Array.from({ length: 5 }, (_, n) => record(700 + n, { isJson: false })),
      ...Array.from({ length: 3 }, (_, n) => record(705 + n)),
    ];
    await start(log);
    const page = await store.readAll({ streamPrefix: 'office-0314.', types: ['A'], limit: 2 });
    expect(page.map((e) => (e.data as { n: number }).n)).toEqual([705, 706]);
    const rest = await store.readAll({ streamPrefix: 'office-0314.', types: ['A'], after: page[1]!.position, limit: 2 });
    expect(rest.map((e) => (e.data as { n: number }).n)).toEqual([707]);
    // The server counts the records of other tools against a page too.
    expect((await store.readAll({ streamPrefix: 'office-0314.', after: log[699]!.position, limit: 2 })).map((e) => e.position)).toEqual([
      log[705]!.position,
      log[706]!.position,
    ]);
  });

  it('names the categories up to a position by one read per category, stepping over claims and records of other tools', async () => {
    // 300 events of one office, then bytes of another tool in a second office, then a third office's events.
    const log = [
      ...Array.from({ length: 300 }, (_, n) => record(n)),
      record(300, { streamId: 'office-5001.case-1', isJson: false }),
      record(301, { streamId: 'office-5001.case-1' }),
      ...Array.from({ length: 300 }, (_, n) => record(302 + n, { streamId: `office-1201.case-${n}` })),
    ];
    await start(log);
    await store.append('office-0314.case-new', [{ type: 'A', data: {}, metadata: meta }]);
    const categoryReads = () => stub.reads.filter((r) => r.count === 2).length;
    expect(await store.streamCategories(log[0]!.position - 1)).toEqual([]);
    // A record no reader is handed makes no category.
    expect(await store.streamCategories(log[300]!.position)).toEqual(['office-0314']);
    expect(await store.streamCategories(log[301]!.position)).toEqual(['office-0314', 'office-5001']);
    const before = categoryReads();
    // Up to the head, past the claims of the append's event id.
    expect(await store.streamCategories(await store.headPosition())).toEqual(['office-0314', 'office-1201', 'office-5001']);
    expect(categoryReads() - before).toBe(5);
  });

  it('looks an event up backwards from its position, not from the end of the log', async () => {
    const log = Array.from({ length: 1200 }, (_, n) => record(n));
    await start(log);
    const [found] = await store.readAll({ toPosition: log[2]!.position, direction: 'backwards', limit: 1 });
    expect(found!.position).toBe(log[2]!.position);
    expect(stub.reads).toHaveLength(1);
    const [before] = await store.readAll({ toPosition: log[2]!.position + 1, direction: 'backwards', limit: 1 });
    expect(before!.position).toBe(log[2]!.position);
  });

  it('puts the head at the last event it hands out, not at records of other tools after it', async () => {
    await start([record(0), record(1), record(2, { isJson: false })]);
    expect(await store.headPosition()).toBe(1000 + 137);
  });

  it('refuses a cursor that is not an event position (InvalidPosition), and reads after one that is', async () => {
    await start([record(0), record(1), record(2)]);
    await expect(store.readAll({ after: 1000 + 137 + 5 })).rejects.toBeInstanceOf(InvalidPosition);
    expect((await store.readAll({ after: 1000 + 137 })).map((e) => (e.data as { n: number }).n)).toEqual([2]);
  });

  it("hands out the append instant as recordedAt, without the key it travels in; other tools' events get the server time", async () => {
    const created = new Date('2026-02-03T04:05:06.000Z');
    await start([record(0), record(1, { metadata: meta, created })]);
    const [stamped, foreign] = await store.readAll();
    expect(stamped!.recordedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(stamped!.metadata).toEqual(meta);
    expect(foreign!.recordedAt).toBe(created.toISOString());
  });

  it('names the database once, in a metadata stream no read hands out, and every client finds that name', async () => {
    await start([record(0)]);
    const other = new KurrentDbEventStore(KurrentDBClient.connectionString(`kurrentdb://${stub.address}?tls=false`));
    // Two instances starting at once: one names it, the other reads that name.
    const [name, seen] = await Promise.all([store.identity(), other.identity()]);
    expect(name).toMatch(/^kurrentdb:[0-9a-f-]{36}$/);
    expect(seen).toBe(name);
    await other.close();
    expect(stub.log.filter((r) => r.streamId === '$$tracker-event-store')).toHaveLength(1);
    expect((await store.readAll()).map((e) => e.streamId)).toEqual([record(0).streamId]);
  });

  it("subscribes through the client's Subscription: the events asked for after the checkpoint; close ends the call", async () => {
    const log = [record(0), record(1, { type: 'B' }), record(2), record(3, { streamId: 'office-0315.case-3' }), record(4)];
    await start(log);
    const subscription = store.subscribe({ after: log[0]!.position, streamPrefix: 'office-0314.', types: ['A'] });
    const batches = subscription[Symbol.asyncIterator]();
    const seen: number[] = [];
    while (seen.length < 2) seen.push(...((await batches.next()).value as { data: { n: number } }[]).map((e) => e.data.n));
    expect(seen).toEqual([2, 4]);
    expect(stub.open).toBe(1);
    await subscription.close();
    expect(await batches.next()).toEqual({ done: true, value: undefined });
    await settled();
    expect(stub.open).toBe(0);
  });

  describe('appends', () => {
    const two = () => [
      { id: uuidv7(), type: 'A', data: { n: 1 }, metadata: meta },
      { id: uuidv7(), type: 'B', data: { n: 2 }, metadata: meta },
    ];

    it('answers five callers appending the same ids at once with the one append the server stored', async () => {
      await start([]);
      const events = two();
      const append = () => store.append('office-0314.case-x', events, { expectedRevision: 'no_stream' });
      const results = await Promise.all(Array.from({ length: 5 }, append));
      expect(new Set(results.map((r) => `${r.revision}@${r.position}`)).size).toBe(1);
      expect(stored().map((r) => r.id)).toEqual(events.map((e) => e.id));
      expect(stub.appendCalls).toBe(1);
    });

    it('answers a retry under "any" with what was stored, even when the server no longer remembers the first append', async () => {
      await start([]);
      const events = two();
      const first = await store.append('office-0314.case-x', events, { expectedRevision: 'any' });
      const again = await store.append('office-0314.case-x', events, { expectedRevision: 'any' });
      expect(again).toEqual(first);
      expect(stored()).toHaveLength(2);
    });

    it('answers from what was stored when the answer to an append is lost, storing nothing twice', async () => {
      await start([]);
      stub.loseAnswers = 1;
      const events = two();
      const result = await store.append('office-0314.case-x', events, { expectedRevision: 'no_stream' });
      expect(result.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect(result.position).toBe(stored()[1]!.position);
      expect(stored()).toHaveLength(2);
    });

    it('appends to two streams at once with metadata as string properties, and reads it back as appended', async () => {
      await start([]);
      const withVersion = { ...meta, schemaVersion: 2 };
      const one = (type: string) => [{ id: uuidv7(), type, data: {}, metadata: withVersion }];
      const [out, into] = await store.appendToStreams([
        { streamId: 'office-0314.case-t', events: one('Out') },
        { streamId: 'office-0315.case-t', events: one('In'), expectedRevision: 'no_stream' },
      ]);
      expect(stub.propertyValues.length).toBeGreaterThan(0);
      expect(stub.propertyValues.every((value) => typeof value === 'string')).toBe(true);
      expect(out!.events[0]!.metadata).toEqual(withVersion);
      expect(into!.events[0]).toMatchObject({ streamId: 'office-0315.case-t', revision: 0, metadata: withVersion });
      expect(into!.events[0]!.recordedAt).toBe(out!.events[0]!.recordedAt);
      expect((await store.readAll()).map((e) => e.type)).toEqual(['Out', 'In']);
    });

    it('answers a transfer whose answer got lost with what was stored, storing nothing twice', async () => {
      await start([]);
      stub.loseAnswers = 1;
      const one = (type: string) => [{ id: uuidv7(), type, data: {}, metadata: meta }];
      const transfer = [
        { streamId: 'office-0314.case-t', events: one('Out') },
        { streamId: 'office-0315.case-t', events: one('In'), expectedRevision: 'no_stream' as const },
      ];
      const [out, into] = await store.appendToStreams(transfer);
      expect([out!.events[0]!.id, into!.events[0]!.id]).toEqual(transfer.map((a) => a.events[0]!.id));
      expect(stored()).toHaveLength(2);
    });

    it('refuses the same ids sent to another stream, as the other stores do, though the server would store them again', async () => {
      await start([]);
      const events = two();
      const first = await store.append('office-0314.case-x', events, { expectedRevision: 'no_stream' });
      // The claims go before the events, so the last record of the log is an event the head is read from.
      expect(stub.log.at(-1)!.id).toBe(events[1]!.id);
      expect(await store.headPosition()).toBe(first.position);
      await expect(store.append('office-0314.case-y', events, { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(InvalidAppend);
      await expect(store.append('office-0314.case-y', events.slice(1))).rejects.toBeInstanceOf(InvalidAppend);
      await expect(
        store.appendToStreams([
          { streamId: 'office-0314.case-z', events: [{ ...events[0]!, id: uuidv7() }] },
          { streamId: 'office-0315.case-y', events: events.slice(0, 1) },
        ]),
      ).rejects.toBeInstanceOf(InvalidAppend);
      expect(stored().map((r) => r.streamId)).toEqual(['office-0314.case-x', 'office-0314.case-x']);
      expect(await store.readAll()).toEqual(first.events);
    });

    it('refuses at once a transfer that sends an id stored in one of its own streams to the other (InvalidAppend, not a 500)', async () => {
      await start([]);
      const [stored0] = two();
      await store.append('office-0314.case-t', [stored0!], { expectedRevision: 'no_stream' });
      const moved = store.appendToStreams([
        { streamId: 'office-0314.case-t', events: [{ ...stored0!, id: uuidv7() }] },
        { streamId: 'office-0315.case-t', events: [stored0!], expectedRevision: 'no_stream' },
      ]);
      await expect(moved).rejects.toBeInstanceOf(InvalidAppend);
      expect(stored().map((r) => r.streamId)).toEqual(['office-0314.case-t']);
    });

    it('answers another instance sending the same append with what the first one stored, once', async () => {
      await start([]);
      const other = new KurrentDbEventStore(KurrentDBClient.connectionString(`kurrentdb://${stub.address}?tls=false`));
      const events = two();
      const first = await store.append('office-0314.case-x', events, { expectedRevision: 'any' });
      const again = await other.append('office-0314.case-x', events, { expectedRevision: 'any' });
      await other.close();
      expect(again).toEqual(first);
      expect(stored()).toHaveLength(2);
    });

    it('stamps every event of one append with the same recordedAt', async () => {
      let tick = Date.UTC(2026, 0, 1);
      await start([], () => new Date((tick += 1)));
      const result = await store.append('office-0314.case-x', two());
      expect(result.events.map((e) => e.recordedAt)).toEqual(['2026-01-01T00:00:00.001Z', '2026-01-01T00:00:00.001Z']);
      expect(result.events[0]!.metadata).toEqual(meta);
    });
  });
});
