import { connect as connectTcp, createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { listenForAppends, type AppendListener } from './append-notifications.js';

const RECONNECT_DELAY_MS = 20;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A TCP proxy in front of the test server that can cut its connections, refuse new ones (take them
 * and drop them at once) or hold them back before they reach the server. Counts the tries.
 */
class Proxy {
  mode: 'forward' | 'refuse' | 'hold' = 'forward';
  tries = 0;
  private readonly sockets = new Set<Socket>();
  private readonly held: Array<() => void> = [];
  private server?: Server;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<number> {
    this.server = createServer((socket) => {
      this.tries++;
      if (this.mode === 'refuse') return void socket.destroy();
      if (this.mode === 'hold') return void this.held.push(() => this.forward(socket));
      this.forward(socket);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as { port: number }).port;
  }

  private forward(socket: Socket): void {
    const upstream = connectTcp(this.target.port, this.target.host);
    for (const [from, to] of [
      [socket, upstream],
      [upstream, socket],
    ] as const) {
      this.sockets.add(from);
      from.on('error', () => to.destroy());
      from.on('close', () => {
        this.sockets.delete(from);
        to.destroy();
      });
      from.pipe(to);
    }
  }

  /** Lets the held connections through. */
  release(): void {
    this.mode = 'forward';
    for (const go of this.held.splice(0)) go();
  }

  cut(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** The listening connection of `listenForAppends`: it is made again when it drops, and stops when closed. */
describe('PostgreSQL event store: the connection listening for appends', () => {
  let db: TestDatabase;
  let admin: pg.Client;
  let proxy: Proxy;
  let listener: AppendListener | undefined;
  let wakes = 0;

  beforeAll(async () => {
    db = await createTestDatabase('event_store_listener');
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
  });
  beforeEach(async () => {
    const url = new URL(db.url);
    proxy = new Proxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.port = String(await proxy.start());
    wakes = 0;
    listener = await listenForAppends(url.toString(), () => wakes++, { reconnectDelayMs: RECONNECT_DELAY_MS });
  });
  afterEach(async () => {
    await listener?.close();
    await proxy.stop();
  });
  afterAll(async () => {
    await admin.end();
    await db.drop();
  });

  /** Backends of the test database whose last statement was the listener's LISTEN. */
  const listening = async (): Promise<number> =>
    (
      await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN es_appended'`,
      )
    ).rows[0]!.n;
  const eventually = async (check: () => Promise<boolean> | boolean, ms = 5_000): Promise<void> => {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`not reached in ${ms} ms`);
      await pause(10);
    }
  };
  const notified = async (): Promise<void> => {
    const before = wakes;
    await admin.query('NOTIFY es_appended');
    await eventually(() => wakes > before);
  };

  it('listens once, and is woken by a notification', async () => {
    expect(await listening()).toBe(1);
    await notified();
    expect(wakes).toBe(1);
  });

  it("is not woken by its own process's notifications (their payload is its notifier's origin), only by others'", async () => {
    let woken = 0;
    const own = await listenForAppends(db.url, () => woken++, { ownOrigin: 'this-process' });
    try {
      await admin.query(`NOTIFY es_appended, 'this-process'`);
      await admin.query(`NOTIFY es_appended, 'another-process'`);
      // Delivered in the order sent: once the other process's has woken it, its own was heard and left out.
      await eventually(() => woken > 0);
      expect(woken).toBe(1);
    } finally {
      await own.close();
    }
  });

  it('makes its connection again once after the server ends it, then wakes its subscriber (notifications were lost)', async () => {
    const [{ pid }] = (
      await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN es_appended'`,
      )
    ).rows as [{ pid: number }];
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await eventually(() => wakes === 1);
    await eventually(async () => (await listening()) === 1);
    // The connection dropped with an 'error' and an 'end': one new connection, not one for each.
    await pause(10 * RECONNECT_DELAY_MS);
    expect(await listening()).toBe(1);
    expect(proxy.tries).toBe(2);
    await notified();
  });

  it('goes on trying while the server cannot be reached, and listens again once it can', async () => {
    proxy.mode = 'refuse';
    proxy.cut();
    await eventually(() => proxy.tries >= 4);
    expect(wakes).toBe(0);
    proxy.mode = 'forward';
    await eventually(() => wakes === 1);
    expect(await listening()).toBe(1);
    await notified();
  });

  it('stops trying once closed', async () => {
    proxy.mode = 'refuse';
    proxy.cut();
    await eventually(() => proxy.tries >= 3);
    await listener!.close();
    listener = undefined;
    const tries = proxy.tries;
    proxy.mode = 'forward';
    await pause(10 * RECONNECT_DELAY_MS);
    expect(proxy.tries).toBe(tries);
    expect(await listening()).toBe(0);
  });

  it('ends a connection that was still being made when it was closed', async () => {
    proxy.mode = 'hold';
    proxy.cut();
    await eventually(() => proxy.tries === 2);
    await listener!.close();
    listener = undefined;
    proxy.release();
    await pause(10 * RECONNECT_DELAY_MS);
    expect(await listening()).toBe(0);
    expect(wakes).toBe(0);
  });
});
