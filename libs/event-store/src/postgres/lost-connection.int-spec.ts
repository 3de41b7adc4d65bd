import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../testing/src/index.js';
import { anEvent, take, uniqueStream } from '../contract/contract-fixtures.js';
import { createPostgresEventStore, type PostgresEventStore } from './postgres-event-store.js';

/** The global section's session lock (migrations v4, v5): an append waits on it inside its SQL call. */
const GLOBAL_SECTION = 7263511;

/**
 * A connection the server ends while the store uses it (pg_terminate_backend, a restart, a cut
 * network) fails what ran on it, never the process: every checked-out client has an 'error'
 * listener, and the store goes on with new connections.
 */
describe('PostgreSQL event store: a connection killed under it', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let admin: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('event_store_lost_connection');
    store = await createPostgresEventStore({ connectionString: db.url, pollIntervalMs: 5_000 });
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await store.close();
    await db.drop();
  });

  /** Backends of this database waiting for the global section's lock. */
  const waitingForGlobalSection = async (): Promise<number[]> =>
    (
      await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = $1
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [GLOBAL_SECTION],
      )
    ).rows.map((r) => r.pid);

  it('rejects an append whose connection is terminated while it waits in the SQL call, and appends again later', async () => {
    await admin.query('SELECT pg_advisory_lock($1)', [GLOBAL_SECTION]);
    const stream = uniqueStream();
    const append = store.append(stream, [anEvent()]);
    const settled = append.then(
      () => 'resolved',
      (error: Error) => error,
    );
    let outcome: string | Error | undefined;
    let terminated = 0;
    // The group call waits first; when it fails, the append is sent again alone, which waits too.
    const deadline = Date.now() + 15_000;
    while (outcome === undefined && Date.now() < deadline) {
      for (const pid of await waitingForGlobalSection()) {
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        terminated++;
      }
      outcome = await Promise.race([settled, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 50))]);
    }
    await admin.query('SELECT pg_advisory_unlock($1)', [GLOBAL_SECTION]);

    expect(terminated).toBeGreaterThanOrEqual(1);
    expect(outcome).toBeInstanceOf(Error);
    expect((await store.readStream(stream)).length).toBe(0);
    const later = await store.append(stream, [anEvent('Later')], { expectedRevision: 'no_stream' });
    expect(later.revision).toBe(0);
    expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['Later']);
  });

  it('wakes a live subscription again after its LISTEN connection is terminated', async () => {
    const stream = uniqueStream();
    const subscription = store.subscribe({ after: await store.headPosition() });
    const iterator = subscription[Symbol.asyncIterator]();
    try {
      const listening = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'`,
      );
      expect(listening.rows).toHaveLength(1);
      await admin.query('SELECT pg_terminate_backend($1)', [listening.rows[0]!.pid]);
      // Made again by itself (after a second), so appends wake subscribers well before the 5 s poll.
      await eventually(async () => {
        const { rows } = await admin.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%' AND pid <> $1`,
          [listening.rows[0]!.pid],
        );
        return rows.length === 1;
      });
      const receiving = take(iterator, 1, 3_000);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the subscription is live and waiting
      const appended = await store.append(stream, [anEvent('AfterReconnect')]);
      const received = await receiving;
      expect(received.map((e) => e.id)).toEqual([appended.events[0]!.id]);
    } finally {
      await subscription.close();
    }
  });
});

async function eventually(probe: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
