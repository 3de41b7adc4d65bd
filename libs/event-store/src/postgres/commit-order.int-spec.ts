import { jest } from '@jest/globals';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { anEvent, metadata, readableThrough, uniquePrefix } from '../contract/contract-fixtures.js';
import type { RecordedEvent } from '../event-envelope.js';
import { createPostgresEventStore, type PostgresEventStore } from './postgres-event-store.js';
import { readAllQuery } from './read-all-query.js';

/** Waits for something the system does by itself; fails the test if it never does. */
async function until(what: string, done: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * The sequence-gap problem: a transaction that took position N but has not committed must hold
 * back every reader at N-1, even while later positions commit around it.
 */
describe('PostgreSQL event store: global order under concurrent writers', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let held: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('event_store_order');
    store = await createPostgresEventStore({ connectionString: db.url, pollIntervalMs: 100 });
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });
  // A connection of each test's own: ending it rolls back whatever a failing test left open, so one
  // failure cannot hold back the readers of the tests after it.
  beforeEach(async () => {
    held = new pg.Client({ connectionString: db.url });
    await held.connect();
  });
  afterEach(async () => {
    await held.end();
  });

  /** Appends through the store's own SQL function inside a transaction the test commits later. */
  const appendAndHoldOpen = async (streamId: string) => {
    await held.query('BEGIN');
    return appendThrough(held, streamId);
  };
  const appendThrough = async (client: pg.Client, streamId: string) => {
    const { rows } = await client.query<{ o_position: string }>(
      'SELECT * FROM es_append($1, $2, $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[])',
      [streamId, 'any', [uuidv7()], ['Held'], [JSON.stringify({ n: 0 })], [JSON.stringify(metadata())]],
    );
    return Number(rows[0]!.o_position);
  };

  it('never lets a reader or a subscriber pass a held-open lower position, and delivers it once committed', async () => {
    const office = uniquePrefix();
    const start = await store.headPosition();
    // Counts the subscriber's reads of this office as they reach the server (it asks with a limit; the
    // test's own reads do not). Only its first read goes through `readAll`, which checks the cursor.
    const category = office.slice(0, -1);
    const queries = jest.spyOn(pg.Client.prototype, 'query');
    const polls = () =>
      queries.mock.calls.filter(([query]) => {
        const { text, values } = query as { text?: string; values?: unknown[] };
        return text?.includes('FROM es_events') && text.includes(' LIMIT ') && values?.includes(category);
      }).length;
    const subscription = store.subscribe({ after: start, streamPrefix: office });
    const received: RecordedEvent[] = [];
    const delivered = (async () => {
      for await (const batch of subscription) if (received.push(...batch) >= 4) return received;
      return received;
    })();

    try {
      const heldPosition = await appendAndHoldOpen(`${office}case-held`);
      const later = [];
      for (let n = 1; n <= 3; n++) later.push(await store.append(`${office}case-${n}`, [anEvent('Later', { n })]));
      expect(later.every((r) => r.position > heldPosition)).toBe(true);

      // The later three are committed, yet nobody may see them before the held one: not a reader,
      // and not the subscriber over three reads of its own made after the last of them committed.
      expect(await store.readAll({ after: start, streamPrefix: office })).toEqual([]);
      expect(await store.headPosition()).toBeLessThan(heldPosition);
      const pollsSoFar = polls();
      await until('three more reads by the subscriber', () => polls() >= pollsSoFar + 3);
      expect(received).toEqual([]);

      await held.query('COMMIT');
      await until('the four events delivered', () => received.length >= 4);
      const events = await delivered;
      await subscription.close();
      expect(events.map((e) => e.type)).toEqual(['Held', 'Later', 'Later', 'Later']);
      expect(events.map((e) => e.position)).toEqual([heldPosition, ...later.map((r) => r.position)]);
      expect(await store.headPosition()).toBeGreaterThanOrEqual(later[2]!.position);
    } finally {
      queries.mockRestore();
      await subscription.close();
    }
  });

  it('lets readers move on when the held transaction rolls back', async () => {
    const office = uniquePrefix();
    const start = await store.headPosition();
    await appendAndHoldOpen(`${office}case-held`);
    const after = await store.append(`${office}case-1`, [anEvent('Later', { n: 1 })]);
    expect(await store.readAll({ after: start, streamPrefix: office })).toEqual([]);
    await held.query('ROLLBACK');
    await readableThrough(store, after.position);
    const read = await store.readAll({ after: start, streamPrefix: office });
    expect(read.map((e) => e.position)).toEqual([after.position]);
  });

  it('queues an append to a stream held open behind it, while appends to other streams commit', async () => {
    const office = uniquePrefix();
    await appendAndHoldOpen(`${office}case-held`);
    const queued = store.append(`${office}case-held`, [anEvent('Queued', { n: 1 })], { expectedRevision: 0 });
    const other = await store.append(`${office}case-other`, [anEvent('Other', { n: 2 })]);
    expect(other.revision).toBe(0);
    await held.query('COMMIT');
    expect(await queued).toMatchObject({ revision: 1 });
    expect((await store.readStream(`${office}case-held`)).map((e) => e.type)).toEqual(['Held', 'Queued']);
  });

  it('refuses an append as a later write of a transaction, which could pass a lower position', async () => {
    const office = uniquePrefix();
    await appendAndHoldOpen(`${office}case-1`);
    const second = await appendThrough(held, `${office}case-2`).catch((e: unknown) => e);
    await held.query('ROLLBACK');
    expect(second).toMatchObject({ code: 'ES003' });
    expect(await store.readStream(`${office}case-1`)).toEqual([]);
  });

  it('reads an office prefix through the category index, in position order', async () => {
    const office = uniquePrefix();
    await store.append(`${office}case-1`, [anEvent()]);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query('SET enable_seqscan = off');
    const plans: string[] = [];
    for (const streamPrefix of [office, `${office}case-`]) {
      const query = readAllQuery({ after: 0, streamPrefix, limit: 100 });
      const { rows } = await client.query({ text: `EXPLAIN ${query.text}`, values: query.values });
      plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
    await client.end();
    for (const plan of plans) {
      expect(plan).toContain('es_events_category_position');
      expect(plan).not.toContain('Sort');
    }
  });
});
