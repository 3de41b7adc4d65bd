import { createServer, type Server } from 'node:net';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { anEvent, uniquePrefix } from '../contract/contract-fixtures.js';
import { listenForAppends } from './append-notifications.js';
import { createPostgresEventStore } from './postgres-event-store.js';

/** Starting, probing and closing a PostgreSQL event store. */
describe('PostgreSQL event store: start, ping and close', () => {
  let db: TestDatabase;
  let admin: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('event_store_lifecycle');
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await db.drop();
  });

  it('answers the appends already made before it closes', async () => {
    const store = await createPostgresEventStore({ connectionString: db.url });
    const stream = `${uniquePrefix()}case-1`;
    // The second waits for the first to be answered before it is sent: it is still queued when close begins.
    const appended = [store.append(stream, [anEvent()]), store.append(stream, [anEvent()])];
    await store.close();
    expect(await Promise.all(appended)).toMatchObject([{ revision: 0 }, { revision: 1 }]);
    const { rows } = await admin.query('SELECT count(*)::int AS n FROM es_events WHERE stream_id = $1', [stream]);
    expect(rows[0].n).toBe(2);
  });

  it('fails its ping while the database refuses connections, and answers again once it takes them', async () => {
    const store = await createPostgresEventStore({ connectionString: db.url });
    const database = new URL(db.url).pathname.slice(1);
    // A database cannot refuse connections while the one asking is connected to it.
    const server = Object.assign(new URL(db.url), { pathname: '/postgres' });
    const owner = new pg.Client({ connectionString: server.toString() });
    await owner.connect();
    const keep = (await admin.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    try {
      await store.ping();
      await owner.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
      await owner.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> $2', [database, keep]);
      await expect(store.ping()).rejects.toThrow();
    } finally {
      await owner.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
      await owner.end();
    }
    await store.ping();
    await store.close();
  });

  it('ends its connections when it closes: nothing answers after that', async () => {
    const store = await createPostgresEventStore({ connectionString: db.url });
    await store.ping();
    await store.close();
    await expect(store.ping()).rejects.toThrow();
  });

  it('refuses to start, rather than answer as a store, when its database cannot be used', async () => {
    const missing = Object.assign(new URL(db.url), { pathname: `/${db.name}_missing` }).toString();
    await expect(createPostgresEventStore({ connectionString: missing })).rejects.toThrow(/does not exist/);
  });

  it('does not go on trying in the background when its listening connection could not start', async () => {
    // A server that takes connections and drops them at once: each try is counted.
    let tries = 0;
    const server: Server = createServer((socket) => {
      tries++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      await expect(
        listenForAppends(`postgres://postgres@127.0.0.1:${port}/none`, () => undefined, { reconnectDelayMs: 20 }),
      ).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(tries).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
