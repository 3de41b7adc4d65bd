import pg from 'pg';
import { startStoppablePostgres, type StoppablePostgres } from '@app/testing';
import { anEvent, take, uniquePrefix } from '../contract/contract-fixtures.js';
import type { EventStore } from '../event-store.port.js';
import { createPostgresEventStore } from './postgres-event-store.js';

/** Resolves with what `promise` gives, or fails once `ms` have passed without an answer. */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A transaction that NOTIFYs holds a database-wide lock from before its commit record until the
 * record is flushed (and, here, replicated). An append must not queue behind another transaction's
 * notifying commit: one slow flush would hold up every command. Here the other transaction's commit
 * waits for a synchronous standby that never comes (its session asks for one; the store's sessions
 * keep the server's `local`, a local flush), so it holds that lock until the test cancels the wait.
 */
describe('PostgreSQL event store: appends while another transaction holds the NOTIFY lock', () => {
  let server: StoppablePostgres;
  let admin: pg.Client;
  let blocker: pg.Client;
  let blockerPid: number;
  let writer: EventStore;
  let subscriber: EventStore;

  beforeAll(async () => {
    server = await startStoppablePostgres();
    admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    // Every session keeps to a local flush before any standby is asked for: the server takes a reload
    // in its own time, and a session still on 'on' would wait for the standby too.
    await admin.query(`SET synchronous_commit = 'local'`);
    await admin.query(`ALTER SYSTEM SET synchronous_commit = 'local'`);
    await admin.query('SELECT pg_reload_conf()');
    await untilNewSessionsShow(`SHOW synchronous_commit`, 'local');
    await admin.query(`ALTER SYSTEM SET synchronous_standby_names = 'standby_that_never_comes'`);
    await admin.query('SELECT pg_reload_conf()');
    await untilNewSessionsShow(`SHOW synchronous_standby_names`, 'standby_that_never_comes');
    await admin.query('CREATE TABLE held (n int)');
    [writer, subscriber] = await Promise.all([
      createPostgresEventStore({ connectionString: server.url }),
      createPostgresEventStore({ connectionString: server.url, pollIntervalMs: 600_000 }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([writer?.close(), subscriber?.close()]);
    await admin?.end();
    await server?.destroy();
  });

  async function untilNewSessionsShow(show: string, value: string): Promise<void> {
    for (;;) {
      const session = new pg.Client({ connectionString: server.url });
      await session.connect();
      const { rows } = await session.query<Record<string, string>>(show).finally(() => session.end());
      if (Object.values(rows[0]!)[0] === value) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Another session's NOTIFY whose commit waits for the standby, holding the lock; `committed` settles when that commit returns. */
  async function holdNotifyLock(): Promise<{ committed: Promise<unknown> }> {
    blocker = new pg.Client({ connectionString: server.url });
    await blocker.connect();
    blocker.on('notice', () => undefined); // the cancelled wait's warning
    await blocker.query(`SET synchronous_commit = 'on'`);
    blockerPid = (await blocker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    // It writes, so it has a commit record to wait for. Another channel: the lock is the database's,
    // whatever the channel, and this one wakes no subscriber.
    const committed = blocker.query(`BEGIN; INSERT INTO held VALUES (1); NOTIFY another_channel; COMMIT`);
    for (;;) {
      const { rows } = await admin.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event = 'SyncRep'`, [blockerPid]);
      if (rows.length > 0) return { committed };
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function releaseNotifyLock(committed: Promise<unknown>): Promise<void> {
    await admin.query('SELECT pg_cancel_backend($1)', [blockerPid]);
    await committed;
    await blocker.end();
  }

  it("lets a NOTIFY on its own (the notifier's) commit without waiting for a flush, or here the standby", async () => {
    const session = new pg.Client({ connectionString: server.url });
    await session.connect();
    try {
      await session.query(`SET synchronous_commit = 'on'`);
      await within(10_000, 'a NOTIFY alone', session.query('NOTIFY another_channel'));
    } finally {
      await session.end();
    }
  });

  it.each([
    [
      'an append to one stream (a group call)',
      1,
      (office: string): Promise<unknown> => writer.append(`${office}case-1`, [anEvent('A', { n: 1 })]),
    ],
    [
      'an atomic append to several streams',
      2,
      (office: string): Promise<unknown> =>
        writer.appendToStreams([
          { streamId: `${office}case-from`, events: [anEvent('A', { n: 1 })] },
          { streamId: `${office}case-to`, events: [anEvent('A', { n: 2 })] },
        ]),
    ],
  ])(
    '%s is acknowledged meanwhile, and other instances are woken once the lock is free',
    async (_, events, appendTo) => {
      const office = uniquePrefix();
      const subscription = subscriber.subscribe({ after: await subscriber.headPosition(), streamPrefix: office });
      const arrived = take(subscription[Symbol.asyncIterator](), events, 20_000);
      const { committed } = await holdNotifyLock();
      try {
        await within(10_000, 'the append', appendTo(office));
      } finally {
        await releaseNotifyLock(committed);
      }
      // The subscriber never polls: only the wake-up sent after the append's commit brings the event.
      expect((await arrived).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }].slice(0, events));
      await subscription.close();
    },
    60_000,
  );
});
