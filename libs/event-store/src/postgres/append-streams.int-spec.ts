import { jest } from '@jest/globals';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { anEvent, uniquePrefix } from '../contract/contract-fixtures.js';
import { WrongExpectedRevision } from '../event-store.errors.js';
import { createPostgresEventStore, type PostgresEventStore } from './postgres-event-store.js';

/** `appendToStreams` on PostgreSQL: one transaction that waits for its streams, never a half. */
describe('PostgreSQL event store: atomic append to several streams', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let admin: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('event_store_append_streams');
    store = await createPostgresEventStore({ connectionString: db.url, pollIntervalMs: 200 });
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await store.close();
    await db.drop();
  });

  it('stores both streams in one transaction', async () => {
    const [a, b] = [`${uniquePrefix()}case-a`, `${uniquePrefix()}case-b`];
    await store.appendToStreams([
      { streamId: a, events: [anEvent()] },
      { streamId: b, events: [anEvent()] },
    ]);
    const { rows } = await admin.query('SELECT count(DISTINCT transaction_id) AS n FROM es_events WHERE stream_id = ANY($1)', [[a, b]]);
    expect(Number(rows[0].n)).toBe(1);
  });

  it("begins and takes its streams' locks in one message, whatever the stream ids hold", async () => {
    const ids = [`${uniquePrefix()}it's`, `${uniquePrefix()}a\\b`, `${uniquePrefix()}'); DROP TABLE es_events; --`];
    const queries = jest.spyOn(pg.Client.prototype, 'query');
    let sent: string[];
    try {
      await store.appendToStreams(ids.map((streamId) => ({ streamId, events: [anEvent()] })));
      sent = queries.mock.calls.map(([q]) => String(typeof q === 'string' ? q : (q as { text?: string }).text));
    } finally {
      queries.mockRestore();
    }
    expect(sent.filter((q) => /^BEGIN; SELECT count\(pg_advisory_xact_lock/.test(q))).toHaveLength(1);
    expect(sent).not.toContain('BEGIN');
    for (const id of ids) expect((await store.readStream(id)).length).toBe(1);
  });

  it('answers a retry with expected revision any with what the first stored, and stores nothing twice', async () => {
    const [a, b] = [`${uniquePrefix()}case-a`, `${uniquePrefix()}case-b`];
    const appends = [
      { streamId: a, events: [anEvent('A', { n: 1 }, uuidv7())] },
      { streamId: b, events: [anEvent('B', { n: 2 }, uuidv7())] },
    ];
    const first = await store.appendToStreams(appends);
    expect(await store.appendToStreams(appends)).toEqual(first);
    const { rows } = await admin.query('SELECT count(*)::int AS n FROM es_events WHERE stream_id = ANY($1)', [[a, b]]);
    expect(rows[0].n).toBe(2);
  });

  it('lets exactly one of two racing atomic appends over the same streams (in either order) through, without a deadlock', async () => {
    const [a, b] = [`${uniquePrefix()}case-a`, `${uniquePrefix()}case-b`];
    const attempt = (first: string, second: string) =>
      store.appendToStreams([
        { streamId: first, events: [anEvent('Racing')], expectedRevision: 'no_stream' },
        { streamId: second, events: [anEvent('Racing')], expectedRevision: 'no_stream' },
      ]);
    const outcomes = await Promise.allSettled([attempt(a, b), attempt(b, a), attempt(a, b), attempt(b, a)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(WrongExpectedRevision);
    expect((await store.readStream(a)).length).toBe(1);
    expect((await store.readStream(b)).length).toBe(1);
  });

  it('waits for a stream another transaction holds, then appends', async () => {
    const [a, b] = [`${uniquePrefix()}case-a`, `${uniquePrefix()}case-b`];
    await admin.query('BEGIN');
    await admin.query('SELECT pg_advisory_xact_lock(7263512, hashtext($1))', [b]);
    const appending = store.appendToStreams([
      { streamId: a, events: [anEvent()] },
      { streamId: b, events: [anEvent()] },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await store.readStream(a)).toEqual([]);
    await admin.query('COMMIT');
    const [first, second] = await appending;
    expect([first!.revision, second!.revision]).toEqual([0, 0]);
  });
});
