import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { prepareAppend } from '../append-input.js';
import { anEvent, uniqueStream } from '../contract/contract-fixtures.js';
import { WrongExpectedRevision } from '../event-store.errors.js';
import type { NewEvent } from '../event-envelope.js';
import type { ExpectedRevision } from '../event-store.port.js';
import { callAppend, onAppendConnection } from './append-call.js';
import { migrateEventStore } from './migrate-event-store.js';

/** The global section's session lock (migrations v4, v5). */
const GLOBAL_SECTION = 7263511;

const backendPid = async (client: pg.PoolClient): Promise<number> =>
  (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;

/**
 * An append sent alone (`es_append`, one round trip), and the connection every append call runs
 * on: the answers for a retry, and what a call that fails half way leaves on its connection.
 */
describe('PostgreSQL event store: an append sent alone', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let admin: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('event_store_append_call');
    // One connection: the next call gets the same one back, unless it was closed.
    pool = new pg.Pool({ connectionString: db.url, max: 1 });
    await migrateEventStore(pool);
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await pool.end();
    await db.drop();
  });

  const append = (stream: string, events: NewEvent[], expected: ExpectedRevision) =>
    callAppend(pool, stream, prepareAppend(stream, events, expected).events, expected);
  /** Events with their ids given, so that a retry sends the same ids. */
  const withIds = (count: number): NewEvent[] => Array.from({ length: count }, () => anEvent('SomethingHappened', { n: 1 }, uuidv7()));
  const globalSectionIsFree = async (): Promise<boolean> => {
    const { rows } = await admin.query<{ taken: boolean }>('SELECT pg_try_advisory_lock($1) AS taken', [GLOBAL_SECTION]);
    if (rows[0]!.taken) await admin.query('SELECT pg_advisory_unlock($1)', [GLOBAL_SECTION]);
    return rows[0]!.taken;
  };

  /** The server ends a closed connection's session (and its locks) a moment after the socket closes. */
  const eventually = async (check: () => Promise<boolean>): Promise<boolean> => {
    const deadline = Date.now() + 5_000;
    while (!(await check()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return check();
  };

  it('answers the stored rows of an append, in order', async () => {
    const stream = uniqueStream();
    const events = withIds(2);
    const rows = await append(stream, events, 'no_stream');
    expect(rows).not.toBe('already-appended');
    const stored = rows as Exclude<typeof rows, 'already-appended'>;
    expect(stored.map((r) => [r.o_id, Number(r.o_revision)])).toEqual([
      [events[0]!.id, 0],
      [events[1]!.id, 1],
    ]);
    expect(Number(stored[1]!.o_position)).toBeGreaterThan(Number(stored[0]!.o_position));
  });

  it('answers a retry with expected revision any "already appended", found by the insert itself, and stores nothing twice', async () => {
    const stream = uniqueStream();
    const events = withIds(1);
    await append(stream, events, 'any');
    expect(await append(stream, events, 'any')).toBe('already-appended');
    // The same ids for another stream at once: the unique index refuses them too.
    const other = uniqueStream();
    expect(await append(other, events, 'any')).toBe('already-appended');
    const { rows } = await admin.query('SELECT stream_id FROM es_events WHERE id = $1', [events[0]!.id]);
    expect(rows).toEqual([{ stream_id: stream }]);
    const streams = await admin.query('SELECT revision FROM es_streams WHERE stream_id = $1', [other]);
    expect(streams.rows).toEqual([]);
  });

  it('answers a retry past its expected revision "already appended", and a new append there a wrong revision', async () => {
    const stream = uniqueStream();
    const events = withIds(1);
    await append(stream, events, 'no_stream');
    expect(await append(stream, events, 'no_stream')).toBe('already-appended');
    const refusal = await append(stream, [anEvent()], 'no_stream').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(WrongExpectedRevision);
    expect((refusal as WrongExpectedRevision).actual).toBe(0);
  });

  it('passes on a unique violation of an index other than the event ids', async () => {
    // An index of this test's own: the store's other unique keys cannot be broken by an append.
    await admin.query(`CREATE UNIQUE INDEX once_only ON es_events ((data->>'once')) WHERE data ? 'once'`);
    try {
      await append(uniqueStream(), [anEvent('SomethingHappened', { once: 'x' })], 'any');
      const refusal = await append(uniqueStream(), [anEvent('SomethingHappened', { once: 'x' })], 'any').catch((error: unknown) => error);
      expect(refusal).toMatchObject({ code: '23505', constraint: 'once_only' });
    } finally {
      await admin.query('DROP INDEX once_only');
    }
  });

  it('gives the global section back when a call fails inside it, and keeps the connection', async () => {
    let pid = 0;
    const failure = await onAppendConnection(pool, async (client) => {
      pid = await backendPid(client);
      await client.query('SELECT pg_advisory_lock($1)', [GLOBAL_SECTION]);
      throw new Error('failed inside the global section');
    }).catch((error: Error) => error);
    expect(failure).toEqual(new Error('failed inside the global section'));
    expect(await globalSectionIsFree()).toBe(true);
    expect(await onAppendConnection(pool, backendPid)).toBe(pid);
  });

  it('closes a connection whose session locks it could not give back (its transaction aborted)', async () => {
    let pid = 0;
    const failure = await onAppendConnection(pool, async (client) => {
      pid = await backendPid(client);
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_lock($1)', [GLOBAL_SECTION]);
      await client.query('SELECT 1 / 0');
    }).catch((error: { code?: string }) => error);
    expect(failure).toMatchObject({ code: '22012' });
    // Closed, not reused: the server ended its session, and with it the lock.
    expect(await onAppendConnection(pool, backendPid)).not.toBe(pid);
    expect(await eventually(globalSectionIsFree)).toBe(true);
  });

  it.each([
    ['a wrong expected revision', 'ES001'],
    ['events already appended', 'ES002'],
  ])('leaves the connection as it is after a refusal (%s), which is raised before the global section', async (message, code) => {
    let pid = 0;
    const refusal = Object.assign(new Error(message), { code });
    const failure = await onAppendConnection(pool, async (client) => {
      pid = await backendPid(client);
      // A lock the refusal path must not touch: the proof that nothing was given back.
      await client.query('SELECT pg_advisory_lock($1)', [GLOBAL_SECTION]);
      throw refusal;
    }).catch((error: unknown) => error);
    expect(failure).toBe(refusal);
    expect(await globalSectionIsFree()).toBe(false);
    expect(await onAppendConnection(pool, backendPid)).toBe(pid);
    await onAppendConnection(pool, (client) => client.query('SELECT pg_advisory_unlock_all()'));
    expect(await globalSectionIsFree()).toBe(true);
  });
});
