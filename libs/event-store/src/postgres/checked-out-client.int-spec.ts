import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { checkOut } from './checked-out-client.js';

const backendPid = async (client: pg.PoolClient): Promise<number> =>
  (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;

/**
 * The pooled connection the store's appends run on: one the server ends while it is checked out
 * fails its query and is closed, never the process; one given back after a failure is closed too.
 */
describe('PostgreSQL event store: a checked-out connection', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let admin: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('event_store_checked_out');
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
  });
  beforeEach(() => {
    // One connection: a second checkout gets the first one back when it was reused.
    pool = new pg.Pool({ connectionString: db.url, max: 1 });
  });
  afterEach(async () => {
    await pool.end();
  });
  afterAll(async () => {
    await admin.end();
    await db.drop();
  });

  it('notes a connection the server ends between queries without ending the process, and closes it on release', async () => {
    const connection = await checkOut(pool);
    const pid = await backendPid(connection.client);
    // pg hands an error during a query to that query; between queries the client emits it, and an
    // 'error' event with no listener would be thrown out of the event loop.
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    const deadline = Date.now() + 5_000;
    while (connection.lost === undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));

    expect(connection.lost).toBeInstanceOf(Error);
    expect(connection.lost?.message).toMatch(/terminat/i);
    await expect(connection.client.query('SELECT 1')).rejects.toThrow();
    connection.release();

    const next = await checkOut(pool);
    expect(await backendPid(next.client)).not.toBe(pid);
    next.release();
  });

  it('reuses a connection given back without an error, and closes one given back with one', async () => {
    const first = await checkOut(pool);
    const pid = await backendPid(first.client);
    expect(first.lost).toBeUndefined();
    first.release();

    const second = await checkOut(pool);
    expect(await backendPid(second.client)).toBe(pid);
    second.release(new Error('the caller found it broken'));

    const third = await checkOut(pool);
    expect(await backendPid(third.client)).not.toBe(pid);
    third.release();
  });

  it('takes its error listener off the connection when it is given back', async () => {
    const first = await checkOut(pool);
    const client = first.client;
    const listenersWhileOut = client.listenerCount('error');
    first.release();
    const idleListeners = client.listenerCount('error');

    const second = await checkOut(pool);
    expect(second.client).toBe(client);
    expect(client.listenerCount('error')).toBe(listenersWhileOut);
    second.release();
    expect(client.listenerCount('error')).toBe(idleListeners);
  });
});
