import type pg from 'pg';
import { DataSource } from 'typeorm';
import { PostgresEventStore, type EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import { startApp, type RunningApp } from './app-harness.js';

const SERVER_KEEP_ALIVE = ['tcp_keepalives_idle', 'tcp_keepalives_interval', 'tcp_keepalives_count'];
const keepAliveOf = async (query: (sql: string) => Promise<{ setting: string }[]>) =>
  Promise.all(SERVER_KEEP_ALIVE.map(async (name) => (await query(`SELECT setting FROM pg_settings WHERE name = '${name}'`))[0]!.setting));

/** A half-open connection must not keep a projection's lock (or a query) for the kernel's two hours. */
describe('TCP keepalive on the app connections', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(async () => {
    await running.close();
  });

  it('reaches the server on the connections projections hold their locks on', async () => {
    const runner = running.app.get(DataSource).createQueryRunner();
    try {
      expect(await keepAliveOf((sql) => runner.query(sql))).toEqual(['30', '10', '3']);
      // Our side: pg calls socket.setKeepAlive(true, delay) on connect when this is set.
      const client = (await runner.connect()) as unknown as { connection: { _keepAlive: boolean } };
      expect(client.connection._keepAlive).toBe(true);
    } finally {
      await runner.release();
    }
  });

  it('reaches the server on the event store connections', async () => {
    // Upcasting outermost, then timing and tracing, then the adapter.
    let store: EventStore = running.app.get<EventStore>(EVENT_STORE);
    while (!(store instanceof PostgresEventStore)) store = (store as unknown as { inner: EventStore }).inner;
    const pool = (store as unknown as { pool: pg.Pool }).pool;
    expect(await keepAliveOf(async (sql) => (await pool.query<{ setting: string }>(sql)).rows)).toEqual(['30', '10', '3']);
  });
});
