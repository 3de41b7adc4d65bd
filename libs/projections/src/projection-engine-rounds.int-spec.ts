import type { DataSource } from 'typeorm';
import type { ProjectionLogger } from './follow.js';
import { rebuildLock } from './projection-tables.js';
import { countingProjection } from './testing/counting-projection.js';
import { ProjectionTestBed, eventually } from './testing/projection-test-bed.js';

const contacts = countingProjection({ name: 'contact_counts' });
const enrolments = countingProjection({ name: 'enrolment_counts' });

/** Each round of looking for work starts by reading the views' versions. */
const isRound = (sql: unknown) => typeof sql === 'string' && sql.startsWith('SELECT name, version FROM projection_checkpoints WHERE');

/** The engine's connections, with `before` run ahead of each of their statements (it may hold one up). */
function watched(dataSource: DataSource, before: (sql: unknown, params: unknown) => void | Promise<void>): DataSource {
  return new Proxy(dataSource, {
    get(target, property, receiver) {
      if (property !== 'createQueryRunner') return Reflect.get(target, property, receiver);
      return () => {
        const runner = target.createQueryRunner();
        const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
        runner.query = (async (...args: unknown[]) => {
          await before(args[0], args[1]);
          return query(...args);
        }) as typeof runner.query;
        return runner;
      };
    },
  });
}

describe('rounds of looking for work', () => {
  let bed: ProjectionTestBed;

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('projection_engine_rounds', [contacts.name, enrolments.name]);
    await bed.append(300);
  });

  afterEach(async () => {
    await bed.stopEngines();
  });

  afterAll(async () => {
    await bed.close();
  });

  it('runs one more round for a request that came during a round, then waits the retry interval again', async () => {
    let rounds = 0;
    let holdNext = false;
    let held: () => void = () => undefined;
    let release: () => void = () => undefined;
    const roundHeld = new Promise<void>((resolve) => (held = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const dataSource = watched(bed.dataSource, async (sql) => {
      if (!isRound(sql)) return;
      rounds++;
      if (!holdNext) return;
      holdNext = false;
      held();
      await released;
    });
    const engine = await bed.engine([contacts], { dataSource, retryIntervalMs: 200 });
    await engine.start();
    expect(await engine.waitForPosition(contacts.name, bed.lastAppended, 20_000)).toBe(true);
    holdNext = true;
    await roundHeld;
    // A request while the round runs (nothing parked to retry: it only wakes the engine).
    expect((await engine.retryParked(contacts.name)).retrying).toBe(0);
    const before = rounds;
    release();
    await eventually('the round for the request', async () => rounds > before);
    rounds = 0;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await engine.stop();
    // About five in a second at the interval; rounds back to back would make hundreds.
    expect(rounds).toBeGreaterThan(0);
    expect(rounds).toBeLessThan(15);
  });

  it('holds no more rebuilds at once than allowed, even when a request comes while a round takes one', async () => {
    // The first try for the enrolments' rebuild lock is slow: the round taking it is still under way when the
    // second request comes, and only its own bookkeeping, not yet the lock, tells it the first was taken.
    let lockAsked: () => void = () => undefined;
    const enrolmentLockAsked = new Promise<void>((resolve) => (lockAsked = resolve));
    let slowed = false;
    const dataSource = watched(bed.dataSource, async (sql, params) => {
      if (slowed || sql !== 'SELECT pg_try_advisory_lock($1, $2) AS locked') return;
      if (JSON.stringify(params) !== JSON.stringify(rebuildLock(enrolments.name))) return;
      slowed = true;
      lockAsked();
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    const taken: string[] = [];
    let rebuilding = 0;
    let mostAtOnce = 0;
    const logger: ProjectionLogger = {
      log: (message) => {
        if (message.includes(': rebuilt at version')) rebuilding--;
        if (!message.endsWith('took the rebuild job')) return;
        taken.push(message.split(':')[0]!);
        mostAtOnce = Math.max(mostAtOnce, ++rebuilding);
      },
      warn: () => undefined,
      error: () => undefined,
    };
    const engine = await bed.engine([contacts, enrolments], { dataSource, logger, maxRebuildsPerInstance: 1 });
    await engine.start();
    for (const { name } of [contacts, enrolments]) expect(await engine.waitForPosition(name, bed.lastAppended, 20_000)).toBe(true);

    await engine.rebuild(enrolments.name);
    await enrolmentLockAsked;
    await engine.rebuild(contacts.name);
    for (const { name } of [enrolments, contacts]) {
      await eventually(`${name} rebuilt`, async () => (await engine.statusOf(name)).rebuild === null);
    }
    // Both rebuilt, one after the other.
    expect(taken).toEqual([enrolments.name, contacts.name]);
    expect(rebuilding).toBe(0);
    expect(mostAtOnce).toBe(1);
  });
});
