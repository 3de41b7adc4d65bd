import { jest } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { describeEventStoreContract } from '../contract/event-store.contract.js';
import { anEvent, events, take, uniquePrefix } from '../contract/contract-fixtures.js';
import { InvalidPosition } from '../event-store.errors.js';
import { migrateEventStore } from './migrate-event-store.js';
import { createPostgresEventStore, type PostgresEventStore } from './postgres-event-store.js';
import { EVENT_STORE_MIGRATIONS } from './migrations/event-store-migrations.js';

describeEventStoreContract('PostgreSQL', async () => {
  const db: TestDatabase = await createTestDatabase('event_store_contract');
  const store = await createPostgresEventStore({ connectionString: db.url, pollIntervalMs: 200 });
  return {
    store,
    dispose: async () => {
      await store.close();
      await db.drop();
    },
  };
});

/** Commit order under concurrent writers is proven in commit-order.int-spec.ts. */
describe('PostgreSQL event store: schema and live wake-ups', () => {
  let db: TestDatabase;
  let admin: pg.Client;
  const stores: PostgresEventStore[] = [];
  /** A poll this slow never fires during a test: whatever arrives was woken by a notification. */
  const openStore = async (pollIntervalMs = 600_000) => {
    const store = await createPostgresEventStore({ connectionString: db.url, pollIntervalMs, poolSize: 5 });
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    db = await createTestDatabase('event_store_postgres');
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await admin.end();
    await db.drop();
  });

  it('migrates a fresh database once when two instances start together, and again not at all', async () => {
    const [first, second] = await Promise.all([openStore(), openStore()]);
    const stream = `${uniquePrefix()}case-1`;
    await first!.append(stream, [anEvent()]);
    await second!.append(stream, [anEvent()], { expectedRevision: 0 });
    const applied = async () => (await admin.query('SELECT version, name, applied_at FROM es_migrations ORDER BY version')).rows;
    const before = await applied();
    expect(before.map((r) => r.version)).toEqual(EVENT_STORE_MIGRATIONS.map((m) => m.version));
    // Each by a name of its own, for whoever reads the table to see what a database has.
    const names = before.map((r) => r.name as string);
    expect(names.every((name) => name.trim().length > 0)).toBe(true);
    expect(new Set(names).size).toBe(names.length);

    const pool = new pg.Pool({ connectionString: db.url });
    await migrateEventStore(pool);
    await pool.end();
    expect(await applied()).toEqual(before);
  });

  it('leaves nothing of a migration that fails, and applies it once it is fixed', async () => {
    const migrated = await createTestDatabase('event_store_failed_migration');
    const pool = new pg.Pool({ connectionString: migrated.url, max: 1 });
    const tables = async () =>
      (await pool.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE tablename LIKE 'es_probe%' ORDER BY 1`)).rows.map(
        (r) => r.t,
      );
    try {
      const probe = { version: 1001, name: 'probe', sql: 'CREATE TABLE es_probe_a (x int)' };
      // Its statement succeeds and recording it fails (the version is taken): the table must go too.
      const broken = { version: 1001, name: 'probe again', sql: 'CREATE TABLE es_probe_b (x int)' };
      // Another instance could take the migration lock at once: this one let it go, failing or not.
      const lockIsFree = async () => {
        const other = new pg.Client({ connectionString: migrated.url });
        await other.connect();
        try {
          return (await other.query('SELECT pg_try_advisory_lock(7263510) AS got')).rows[0].got;
        } finally {
          await other.end();
        }
      };
      await expect(migrateEventStore(pool, [probe, broken])).rejects.toThrow(/duplicate key/);
      expect(await lockIsFree()).toBe(true);
      expect(await tables()).toEqual(['es_probe_a']);
      // The same connection, rolled back and unlocked, migrates on.
      await migrateEventStore(pool, [probe, { ...broken, version: 1002 }]);
      expect(await tables()).toEqual(['es_probe_a', 'es_probe_b']);
      expect(await lockIsFree()).toBe(true);
      const versions = (await pool.query('SELECT version FROM es_migrations ORDER BY version')).rows.map((r) => r.version);
      expect(versions).toEqual([1001, 1002]);
    } finally {
      await pool.end();
      await migrated.drop();
    }
  });

  it('wakes a live subscriber of one instance when another instance appends', async () => {
    const [subscriber, writer] = await Promise.all([openStore(), openStore()]);
    const office = uniquePrefix();
    const subscription = subscriber.subscribe({ after: await subscriber.headPosition(), streamPrefix: office });
    const iterator = subscription[Symbol.asyncIterator]();

    const first = take(iterator, 1);
    await writer.append(`${office}case-1`, [anEvent('A', { n: 1 })]);
    expect((await first).map((e) => e.data)).toEqual([{ n: 1 }]);
    const second = take(iterator, 1);
    await writer.append(`${office}case-1`, [anEvent('A', { n: 2 })]);
    expect((await second).map((e) => e.data)).toEqual([{ n: 2 }]);
    await subscription.close();
  });

  it('checks the cursor a subscription starts from once, not at every read, and still refuses a made-up one', async () => {
    const store = await openStore();
    const office = uniquePrefix();
    const appended = await store.append(`${office}case-1`, events(6));
    const probes = jest.spyOn(pg.Client.prototype, 'query');
    const isProbe = (call: unknown[]) => String((call[0] as { text?: string })?.text ?? call[0]).includes('WHERE position = $1');
    try {
      const subscription = store.subscribe({ after: appended.events[0]!.position, streamPrefix: office, batchSize: 1 });
      expect(await take(subscription[Symbol.asyncIterator](), 5)).toHaveLength(5);
      await subscription.close();
      expect(probes.mock.calls.filter(isProbe)).toHaveLength(1);
    } finally {
      probes.mockRestore();
    }
    const madeUp = store.subscribe({ after: appended.events[5]!.position + 1_000_000, streamPrefix: office });
    await expect(madeUp[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(InvalidPosition);
    await madeUp.close();
  });

  it('keeps waking live subscribers after its LISTEN connection was cut', async () => {
    const subscriber = await openStore();
    const office = uniquePrefix();
    const subscription = subscriber.subscribe({ after: await subscriber.headPosition(), streamPrefix: office });
    const iterator = subscription[Symbol.asyncIterator]();

    const { rows } = await admin.query<{ cut: boolean }>(
      `SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity
       WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const delivered = take(iterator, 2, 15_000);
    await subscriber.append(`${office}case-1`, [anEvent('A', { n: 1 })]);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // past the listener's reconnect delay
    await subscriber.append(`${office}case-1`, [anEvent('A', { n: 2 })]);
    expect((await delivered).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
    await subscription.close();
  });
});
