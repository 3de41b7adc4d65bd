import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { anEvent, take, uniquePrefix } from '../contract/contract-fixtures.js';
import { AppendNotifier } from './append-notifications.js';
import { createPostgresEventStore } from './postgres-event-store.js';

/** Waits for a notification to arrive; one that never does fails the test in 10 s instead of hanging it. */
async function until(arrived: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 10_000; !arrived(); await new Promise((resolve) => setTimeout(resolve, 10))) {
    if (Date.now() > deadline) throw new Error('the notification did not arrive');
  }
}

/**
 * The wake-ups other processes get from appends outside a group: one sent alone through `es_append`
 * (append-notifications.ts), and one to several streams at once (append-streams-call.ts).
 */
describe('PostgreSQL event store: notifications of appends sent alone', () => {
  let db: TestDatabase;
  let listener: pg.Client;
  let heard: string[];

  beforeAll(async () => {
    db = await createTestDatabase('event_store_notifications');
    listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    listener.on('notification', (n) => heard.push(n.payload ?? ''));
    await listener.query('LISTEN es_appended');
  });
  afterAll(async () => {
    await listener.end();
    await db.drop();
  });
  beforeEach(() => {
    heard = [];
  });

  /** Every notification committed before this one has arrived once this one has: they come in commit order. */
  const heardUpTo = async (pool: pg.Pool) => {
    await pool.query(`NOTIFY es_appended, 'end'`);
    await until(() => heard.includes('end'));
    return heard.slice(0, heard.indexOf('end'));
  };

  it('notifies once for an append, and coalesces appends made while one is in flight into one more, sent after it', async () => {
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    const notifier = new AppendNotifier(pool);
    try {
      notifier.appended();
      await until(() => heard.length >= 1);
      await notifier.drain();
      expect(await heardUpTo(pool)).toEqual([notifier.origin]);
      heard = [];
      notifier.appended();
      notifier.appended();
      notifier.appended();
      await until(() => heard.length >= 2);
      // Nothing may follow them: a notifier that went on notifying would have sent more by now.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await heardUpTo(pool)).toEqual([notifier.origin, notifier.origin]);
    } finally {
      await pool.end();
    }
  });

  it('wakes the subscribers of its own process at once, before any notification', async () => {
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    let woken = 0;
    const notifier = new AppendNotifier(pool, () => woken++);
    try {
      notifier.appended();
      notifier.appended();
      expect(woken).toBe(2);
      await notifier.drain();
    } finally {
      await pool.end();
    }
  });

  it('spaces its notifications: appends every few ms are told at most once per spacing, the last of them too', async () => {
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    const notifier = new AppendNotifier(pool, () => undefined, 20);
    const arrivals: number[] = [];
    const arrived = () => arrivals.push(Date.now());
    listener.on('notification', arrived);
    try {
      const started = Date.now();
      let lastAppend = started;
      for (let i = 0; i < 60; i++) {
        lastAppend = Date.now();
        notifier.appended();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await until(() => arrivals.some((at) => at >= lastAppend));
      await notifier.drain();
      const told = (await heardUpTo(pool)).length;
      // One NOTIFY takes a millisecond or so here: unspaced, each of the 60 appends would be told.
      expect(told).toBeLessThanOrEqual(Math.ceil((lastAppend - started) / 20) + 1);
      expect(told).toBeGreaterThanOrEqual(2);
    } finally {
      listener.off('notification', arrived);
      await pool.end();
    }
  });

  it('on drain (the store closing) does not wait out the spacing after its last notification', async () => {
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    const notifier = new AppendNotifier(pool, () => undefined, 600_000);
    try {
      notifier.appended();
      await until(() => heard.length >= 1);
      notifier.appended();
      // A spacing waited out would hold the drain for ten minutes: far past the test's timeout.
      await notifier.drain();
      expect(await heardUpTo(pool)).toEqual([notifier.origin]);
    } finally {
      await pool.end();
    }
  });

  it('on drain (the store closing) waits for the notification in flight and sends none still queued', async () => {
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    const notifier = new AppendNotifier(pool);
    try {
      // The pool's connections are taken: the notification waits for one, and so must drain.
      const taken = await Promise.all([pool.connect(), pool.connect()]);
      notifier.appended();
      notifier.appended();
      let drained = false;
      const draining = notifier.drain().then(() => (drained = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(drained).toBe(false);
      taken.forEach((connection) => connection.release());
      await draining;
      expect(await heardUpTo(pool)).toEqual([notifier.origin]);
    } finally {
      await pool.end();
    }
  });

  it('wakes another instance whose poll never fires when an append had to go alone (its stream was held)', async () => {
    let busy: () => void;
    const foundBusy = new Promise<void>((resolve) => (busy = resolve));
    const [subscriber, writer] = await Promise.all([
      createPostgresEventStore({ connectionString: db.url, pollIntervalMs: 600_000 }),
      createPostgresEventStore({ connectionString: db.url, pollIntervalMs: 600_000, observer: { streamBusy: () => busy() } }),
    ]);
    const office = uniquePrefix();
    const stream = `${office}case-held`;
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      const subscription = subscriber.subscribe({ after: await subscriber.headPosition(), streamPrefix: office });
      const arrived = take(subscription[Symbol.asyncIterator](), 1);
      // The stream lock es_append_many tries (v5 migration): a group finds it busy and the append waits for it alone.
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(7263512, hashtext($1))', [stream]);
      const appended = writer.append(stream, [anEvent('A', { n: 1 })]);
      await foundBusy;
      await holder.query('COMMIT');
      await appended;
      expect((await arrived).map((e) => e.data)).toEqual([{ n: 1 }]);
      await subscription.close();
    } finally {
      await holder.end();
      await Promise.all([subscriber.close(), writer.close()]);
    }
  });

  it('wakes another instance whose poll never fires when events are appended to several streams at once', async () => {
    const [subscriber, writer] = await Promise.all([
      createPostgresEventStore({ connectionString: db.url, pollIntervalMs: 600_000 }),
      createPostgresEventStore({ connectionString: db.url, pollIntervalMs: 600_000 }),
    ]);
    const office = uniquePrefix();
    try {
      const subscription = subscriber.subscribe({ after: await subscriber.headPosition(), streamPrefix: office });
      const arrived = take(subscription[Symbol.asyncIterator](), 2);
      await writer.appendToStreams([
        { streamId: `${office}case-from`, events: [anEvent('A', { n: 1 })] },
        { streamId: `${office}case-to`, events: [anEvent('A', { n: 2 })] },
      ]);
      expect((await arrived).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
      await subscription.close();
    } finally {
      await Promise.all([subscriber.close(), writer.close()]);
    }
  });
});
