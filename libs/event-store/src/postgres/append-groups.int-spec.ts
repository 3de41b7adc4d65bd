import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { anEvent, events, metadata, uniquePrefix } from '../contract/contract-fixtures.js';
import { WrongExpectedRevision } from '../event-store.errors.js';
import { createPostgresEventStore, type PostgresEventStore } from './postgres-event-store.js';

/**
 * Group commit (append-groups.ts, migration v5): appends made in the same turn of the event loop
 * go to PostgreSQL as one `es_append_many` call, in one transaction; each is answered as if alone.
 */
describe('PostgreSQL event store: appends committed in groups', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let admin: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('event_store_groups');
    store = await createPostgresEventStore({ connectionString: db.url, pollIntervalMs: 200 });
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await store.close();
    await db.drop();
  });

  /** How many transactions stored the events of these streams. */
  const transactionsOf = async (streams: string[]) =>
    Number((await admin.query('SELECT count(DISTINCT transaction_id) AS n FROM es_events WHERE stream_id = ANY($1)', [streams])).rows[0].n);
  const storedIds = async (ids: string[]) =>
    (await admin.query<{ id: string }>('SELECT id FROM es_events WHERE id = ANY($1::uuid[]) ORDER BY position', [ids])).rows.map(
      (r) => r.id,
    );

  it('stores the appends of one group in one transaction, and refuses only the one whose expected revision is wrong', async () => {
    const office = uniquePrefix();
    const [a, b, c] = [`${office}case-a`, `${office}case-b`, `${office}case-c`];
    await Promise.all([store.append(a, [anEvent()]), store.append(b, events(2))]);

    const [first, refused, second] = await Promise.allSettled([
      store.append(a, events(2, 'Grouped'), { expectedRevision: 0 }),
      store.append(b, [anEvent('Refused')], { expectedRevision: 0 }),
      store.append(c, [anEvent('Grouped')], { expectedRevision: 'no_stream' }),
    ]);

    expect(first).toMatchObject({ status: 'fulfilled', value: { revision: 2 } });
    expect(second).toMatchObject({ status: 'fulfilled', value: { revision: 0 } });
    expect(refused).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedRevision) });
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ streamId: b, actual: 1 });
    expect((await store.readStream(a)).map((e) => [e.revision, e.type])).toEqual([
      [0, 'SomethingHappened'],
      [1, 'Grouped'],
      [2, 'Grouped'],
    ]);
    expect((await store.readStream(b)).map((e) => e.type)).toEqual(['SomethingHappened', 'SomethingHappened']);
    expect(await transactionsOf([c])).toBe(1);
    const grouped = await admin.query('SELECT DISTINCT transaction_id FROM es_events WHERE type = $1 AND stream_id = ANY($2)', [
      'Grouped',
      [a, c],
    ]);
    expect(grouped.rowCount).toBe(1);
    const [fromA, fromC] = [
      (first as PromiseFulfilledResult<{ position: number }>).value,
      (second as PromiseFulfilledResult<{ position: number }>).value,
    ];
    expect(fromA.position).toBeLessThan(fromC.position);
  });

  it('answers a retry inside a group with what was stored, and stores the others of the group', async () => {
    const office = uniquePrefix();
    const [retried, other] = [`${office}case-retried`, `${office}case-other`];
    const original = [anEvent('Original', { n: 1 }, uuidv7())];
    const first = await store.append(retried, original, { expectedRevision: 'no_stream' });

    const [again, stored] = await Promise.all([
      store.append(retried, original, { expectedRevision: 'no_stream' }),
      store.append(other, [anEvent('Other')], { expectedRevision: 'no_stream' }),
    ]);

    expect(again).toEqual(first);
    expect(stored.revision).toBe(0);
    expect(await storedIds([original[0]!.id!])).toEqual([original[0]!.id]);
    expect((await store.readStream(retried)).map((e) => e.type)).toEqual(['Original']);
  });

  it('sends every append of a group that fails as a whole on its own, so each gets the answer it would alone', async () => {
    const office = uniquePrefix();
    const retried = `${office}case-retried`;
    const original = events(2, 'Original').map((e) => ({ ...e, id: uuidv7() }));
    const first = await store.append(retried, original);
    const retriedExactly = `${office}case-retried-exactly`;
    const once = [anEvent('Once', { n: 2 }, uuidv7())];
    const firstOnce = await store.append(retriedExactly, once, { expectedRevision: 'no_stream' });

    // Expected revision 'any' passes the check, so the stored ids fail the group's insert.
    const [again, againExactly, x, y] = await Promise.all([
      store.append(retried, original, { expectedRevision: 'any' }),
      // Sent alone, its expected revision no longer holds: es_append answers "already appended" (ES002), not a wrong revision.
      store.append(retriedExactly, once, { expectedRevision: 'no_stream' }),
      store.append(`${office}case-x`, [anEvent('X')], { expectedRevision: 'no_stream' }),
      store.append(`${office}case-y`, events(3, 'Y')),
    ]);

    expect(again).toEqual(first);
    expect(againExactly).toEqual(firstOnce);
    expect([x.revision, y.revision]).toEqual([0, 2]);
    expect(await storedIds(original.map((e) => e.id))).toEqual(original.map((e) => e.id));
    expect((await store.readStream(retried)).map((e) => e.revision)).toEqual([0, 1]);
    expect((await store.readStream(`${office}case-y`)).map((e) => e.type)).toEqual(['Y', 'Y', 'Y']);
  });

  it('refuses an append the database refuses with its error, sent alone, and stores the rest of its group', async () => {
    const office = uniquePrefix();
    // A rule of the database's own that the store does not check first: the group's call fails as a
    // whole on it, and so does this append sent alone.
    await admin.query(`ALTER TABLE es_events ADD CONSTRAINT no_refused_type CHECK (type <> 'Refused')`);
    try {
      const [refused, stored] = await Promise.allSettled([
        store.append(`${office}case-refused`, [anEvent('Refused')]),
        store.append(`${office}case-fine`, events(2, 'Fine')),
      ]);
      expect(refused).toMatchObject({ status: 'rejected', reason: { code: '23514', constraint: 'no_refused_type' } });
      expect(stored).toMatchObject({ status: 'fulfilled', value: { revision: 1 } });
      expect(await store.readStream(`${office}case-refused`)).toEqual([]);
    } finally {
      await admin.query('ALTER TABLE es_events DROP CONSTRAINT no_refused_type');
    }
  });

  it('stores appends to one stream made at the same moment one after the other, in the order they were made', async () => {
    const stream = `${uniquePrefix()}case-1`;
    const results = await Promise.all([
      store.append(stream, [anEvent('First')], { expectedRevision: 'no_stream' }),
      store.append(stream, [anEvent('Second')], { expectedRevision: 0 }),
      store.append(stream, events(2, 'Third'), { expectedRevision: 1 }),
      store.append(stream, [anEvent('Fourth')]),
    ]);

    expect(results.map((r) => r.revision)).toEqual([0, 1, 3, 4]);
    expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['First', 'Second', 'Third', 'Third', 'Fourth']);
    const positions = results.map((r) => r.position);
    expect([...positions].sort((p, q) => p - q)).toEqual(positions);
  });

  it('keeps each group within its limits, and answers every append', async () => {
    const limited = await createPostgresEventStore({ connectionString: db.url, appendGroups: { connections: 1, appends: 3, events: 4 } });
    const office = uniquePrefix();
    const streams = Array.from({ length: 10 }, (_, n) => `${office}case-${n}`);
    const results = await Promise.all(streams.map((s, n) => limited.append(s, events(n === 5 ? 6 : 1))));
    await limited.close();

    expect(results.map((r) => r.revision)).toEqual(streams.map((_, n) => (n === 5 ? 5 : 0)));
    const { rows } = await admin.query<{ appends: string; events: string }>(
      `SELECT count(DISTINCT stream_id) AS appends, count(*) AS events FROM es_events WHERE stream_id = ANY($1) GROUP BY transaction_id`,
      [streams],
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    // An append larger than the limit goes, alone.
    for (const group of rows) expect(Number(group.appends) <= 3 && (Number(group.events) <= 4 || Number(group.appends) === 1)).toBe(true);
  });

  it('fills each group up to its limits, oldest appends first', async () => {
    const limited = await createPostgresEventStore({ connectionString: db.url, appendGroups: { connections: 1, appends: 3, events: 4 } });
    const office = uniquePrefix();
    const sizes = [2, 2, 1, 1, 1, 1];
    const streams = sizes.map((_, n) => `${office}case-${n}`);
    await Promise.all(streams.map((s, n) => limited.append(s, events(sizes[n]!))));
    await limited.close();

    const { rows } = await admin.query<{ streams: string[] }>(
      `SELECT array_agg(DISTINCT stream_id ORDER BY stream_id) AS streams FROM es_events WHERE stream_id = ANY($1)
       GROUP BY transaction_id ORDER BY min(position)`,
      [streams],
    );
    // One call at a time: the first group takes the events' limit exactly, the second the appends' limit.
    expect(rows.map((r) => r.streams)).toEqual([streams.slice(0, 2), streams.slice(2, 5), streams.slice(5)]);
  });

  it('stores exactly what it acknowledged when two instances append to the same few streams at once', async () => {
    const other = await createPostgresEventStore({ connectionString: db.url, poolSize: 5 });
    const office = uniquePrefix();
    const streams = Array.from({ length: 8 }, (_, n) => `${office}case-${n}`);
    const acknowledged = new Map<string, { revision: number; position: number }>();
    let refused = 0;
    try {
      await Promise.all(
        Array.from({ length: 32 }, async (_, writer) => {
          const instance = writer % 3 === 0 ? other : store;
          for (let round = 0; round < 10; round++) {
            const stream = streams[(writer + round) % streams.length]!;
            const [last] = await instance.readStream(stream, { direction: 'backwards', limit: 1 });
            const result = await instance
              .append(stream, events(1 + (round % 3)), { expectedRevision: last ? last.revision : 'no_stream' })
              .catch((error: unknown) => {
                if (!(error instanceof WrongExpectedRevision)) throw error;
                refused++;
                return undefined;
              });
            for (const e of result?.events ?? []) acknowledged.set(e.id, { revision: e.revision, position: e.position });
          }
        }),
      );
    } finally {
      await other.close();
    }

    const { rows } = await admin.query<{ id: string; stream_id: string; revision: string; position: string }>(
      'SELECT id, stream_id, revision, position FROM es_events WHERE stream_id = ANY($1) ORDER BY stream_id, revision',
      [streams],
    );
    expect(refused).toBeGreaterThan(0);
    expect(rows.length).toBe(acknowledged.size);
    for (const row of rows) expect(acknowledged.get(row.id)).toEqual({ revision: Number(row.revision), position: Number(row.position) });
    for (const stream of streams) {
      const revisions = rows.filter((r) => r.stream_id === stream).map((r) => Number(r.revision));
      expect(revisions).toEqual(revisions.map((_, n) => n));
    }
  });

  it('checks two appends of one stream in one call of es_append_many in their order', async () => {
    const stream = `${uniquePrefix()}case-1`;
    const call = (expected: string[]) =>
      admin.query<{ o_append: number; o_status: string; o_revision: string }>(
        `SELECT o_append, o_status, o_revision
           FROM es_append_many($1::text[], $2::text[], $3::int[], $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[], false)`,
        [
          expected.map(() => stream),
          expected,
          expected.map(() => 1),
          expected.map(() => uuidv7()),
          expected.map(() => 'Twice'),
          expected.map((_, n) => JSON.stringify({ n })),
          expected.map(() => JSON.stringify(metadata())),
        ],
      );

    const first = await call(['no_stream', '0', '5']);
    // o_revision: the stream's revision before the append (its events follow it), or the one that refused it.
    expect(first.rows.map((r) => [r.o_append, r.o_status, Number(r.o_revision)]).sort()).toEqual([
      [1, 'appended', -1],
      [2, 'appended', 0],
      [3, 'wrong-revision', 1],
    ]);
    expect((await store.readStream(stream)).map((e) => e.data)).toEqual([{ n: 0 }, { n: 1 }]);
    await expect(store.append(stream, [anEvent()], { expectedRevision: 1 })).resolves.toMatchObject({ revision: 2 });
  });

  it('sends the next append of a stream another transaction held once the one sent alone is answered', async () => {
    const stream = `${uniquePrefix()}case-held`;
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(7263512, hashtext($1))', [stream]);
      const first = store.append(stream, [anEvent()], { expectedRevision: 'no_stream' });
      // Sent alone, the first waits for the lock; the second waits for the first, with nothing else
      // in flight that would take it when its call ends.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const second = store.append(stream, [anEvent()], { expectedRevision: 0 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await holder.query('COMMIT');
      expect((await first).revision).toBe(0);
      expect((await second).revision).toBe(1);
    } finally {
      await holder.end();
    }
  });

  it('tells its observer the size of each group and each append whose stream another transaction held', async () => {
    const heard = { groups: [] as number[][], busy: 0 };
    const observed = await createPostgresEventStore({
      connectionString: db.url,
      observer: { groupSent: (appends, count) => heard.groups.push([appends, count]), streamBusy: () => heard.busy++ },
    });
    const office = uniquePrefix();
    const [held, free] = [`${office}case-held`, `${office}case-free`];
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      // The stream lock es_append_many tries (v5 migration), held by another transaction.
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(7263512, hashtext($1))', [held]);
      const waiting = observed.append(held, [anEvent()]);
      await observed.append(free, events(2));
      expect(heard.busy).toBe(1);
      await holder.query('COMMIT');
      expect((await waiting).revision).toBe(0);
      expect(heard.groups).toContainEqual([1, 2]);
    } finally {
      await holder.end();
      await observed.close();
    }
  });
});
