import { jest } from '@jest/globals';
import fc from 'fast-check';
import pg from 'pg';
import { officeStream, type RecordedEvent } from '@app/event-store';
import { CheckpointMoves, moveCheckpointsAlone } from './checkpoint-moves.js';
import { foldInMemory } from './in-memory-fold.js';
import { ensureCheckpoints, readProgress } from './progress.js';
import { countKey, countingProjection, countsOf, directCounts, type Count } from './testing/counting-projection.js';
import { ProjectionTestBed, eventually } from './testing/projection-test-bed.js';
import type { CommittedBatch } from './follow.js';
import type { ProjectionEngine } from './projection-engine.js';
import type { Projection } from './projection.js';
import { ProjectionTablesMissing } from './projection.errors.js';

const counts = countingProjection();

/** A bed with two counting views of their own names, both started and caught up. */
async function twoCountingViews(label: string) {
  const countsToo = countingProjection({ name: 'event_counts_too' });
  const twoViews = await ProjectionTestBed.create(label, [counts.name, countsToo.name]);
  const engine = await twoViews.engine([counts, countsToo]);
  await engine.start();
  for (const view of [counts, countsToo]) expect(await engine.waitForPosition(view.name, 0, 20_000)).toBe(true);
  return { twoViews, engine, countsToo };
}

/** Appends an event of a type no counting view folds, to a stream of its own; answers its position. */
async function appendNote(bed: ProjectionTestBed, id: string): Promise<number> {
  const ids = { commandId: id, correlationId: id, causationId: id };
  const note = { type: 'NoteWritten', data: { id }, metadata: { actor: 'Z123456', officeNumber: '0314', schemaVersion: 1, ...ids } };
  return (await bed.store.append(officeStream('0314', 'case', id), [note])).events[0]!.position;
}

describe('projection engine on PostgreSQL', () => {
  let bed: ProjectionTestBed;
  let engine: ProjectionEngine;

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('projection_engine', [counts.name]);
    await bed.append(2500);
    engine = await bed.engine([counts]);
    await engine.start();
  });

  afterAll(async () => {
    await bed.close();
  });

  it('catches up a log of 2500 events in batches and equals a direct count', async () => {
    const head = bed.lastAppended;
    expect(await engine.waitForPosition(counts.name, head, 20_000)).toBe(true);
    const { position, docs } = await engine.loadDocs(counts);
    expect(position).toBe(head);
    expect(countsOf(docs)).toEqual(directCounts(await bed.allEvents()));
  });

  it('reports itself running, caught up, led by this instance', async () => {
    const head = bed.lastAppended;
    await engine.waitForPosition(counts.name, head, 20_000);
    expect(await engine.statusOf(counts.name)).toMatchObject({
      name: 'event_counts',
      version: 1,
      status: 'running',
      position: head,
      headPosition: head,
      lag: 0,
      error: null,
      rebuild: null,
      role: 'leader',
    });
  });

  it('answers a key prefix, a key range and exact keys from the table', async () => {
    await engine.waitForPosition(counts.name, bed.lastAppended, 20_000);
    expect([...(await engine.loadDocs(counts, { prefix: 'count|5' })).docs.keys()]).toEqual([countKey('5701')]);
    expect([...(await engine.loadDocs(counts, { from: 'count|1201', to: 'count|0314' })).docs.keys()]).toEqual([]);
    expect([...(await engine.loadDocs(counts, { from: 'count|0314', to: 'count|1201' })).docs.keys()]).toEqual([
      countKey('0314'),
      countKey('1201'),
    ]);
    expect([...(await engine.loadDocs<Count>('event_counts', { keys: [countKey('1201')] })).docs.keys()]).toEqual([countKey('1201')]);
  });

  it('hands the same docs out as one JSON text of [key, doc] pairs in key order, at the same position and version', async () => {
    await engine.waitForPosition(counts.name, bed.lastAppended, 20_000);
    for (const range of [{ from: 'count|0314', to: 'count|5701' }, { prefix: 'count|0' }, { prefix: 'count|none' }]) {
      const parsed = await engine.loadDocs(counts, range);
      const asJson = await engine.loadDocsAsJson(counts, range);
      expect(asJson).toMatchObject({ position: parsed.position, version: parsed.version });
      expect(JSON.parse(asJson.json)).toEqual([...parsed.docs]);
    }
    expect((await engine.loadDocs(counts, { from: 'count|0314', to: 'count|5701' })).docs.size).toBe(3);
  });

  it('waits for a position just written, and gives up on one that never comes', async () => {
    const [appended] = await bed.append(1, ['0314']);
    expect(await engine.waitForPosition(counts.name, appended!.position, 20_000)).toBe(true);
    expect(await engine.waitForPosition(counts.name, appended!.position + 1000, 300)).toBe(false);
  });

  it('verifies the live view against a fresh replay, and names a row that differs', async () => {
    await engine.waitForPosition(counts.name, bed.lastAppended, 20_000);
    expect(await engine.verify(counts.name)).toMatchObject({ equal: true, differenceCount: 0, compared: 3 });

    await bed.dataSource.query(`UPDATE projection_event_counts SET doc = jsonb_set(doc, '{events}', '1') WHERE key = $1`, [
      countKey('5701'),
    ]);
    const office = await engine.verify(counts.name, { range: { prefix: countKey('5701') }, events: { streamPrefix: 'office-5701.' } });
    const replayed = foldInMemory(
      counts,
      (await bed.allEvents()).filter((e) => e.streamId.startsWith('office-5701.')),
    );
    expect(office).toMatchObject({ equal: false, compared: 1, differenceCount: 1 });
    expect(office.differences).toEqual([
      { key: countKey('5701'), live: { ...replayed.get(countKey('5701')), events: 1 }, replayed: replayed.get(countKey('5701')) },
    ]);
    expect((await engine.verify(counts.name, { range: { prefix: countKey('0314') } })).equal).toBe(true);
  });

  it('tells each listener of every batch it commits, e.g. for the metrics', async () => {
    await engine.waitForPosition(counts.name, bed.lastAppended, 20_000);
    const heard: CommittedBatch[] = [];
    engine.onBatchCommitted((batch) => heard.push(batch));
    const started = performance.now();
    await bed.append(120, ['1201']);
    const eventsHeard = () => heard.reduce((events, batch) => events + batch.events, 0);
    await eventually('batches of all 120 events heard', async () => eventsHeard() >= 120);
    expect(eventsHeard()).toBe(120);
    expect(heard.map(({ projection, track }) => ({ projection, track }))).toContainEqual({ projection: counts.name, track: 'live' });
    // Each batch's time in seconds: together no more than the whole wait took.
    const waited = (performance.now() - started) / 1000;
    expect(heard.reduce((seconds, batch) => seconds + batch.seconds, 0)).toBeLessThanOrEqual(waited);
  });

  it('moves its checkpoint past batches it has nothing to fold without locking it in a transaction, the docs unchanged', async () => {
    await engine.waitForPosition(counts.name, bed.lastAppended, 20_000);
    const before = countsOf((await engine.loadDocs(counts)).docs);
    const queries = jest.spyOn(pg.Client.prototype, 'query');
    const lockedReads = () =>
      queries.mock.calls.filter((call) => String(call[0]).includes(`WHERE name = '${counts.name}' FOR UPDATE`)).length;
    let last = 0;
    try {
      for (let n = 0; n < 5; n++) {
        last = await appendNote(bed, `note-${n}`);
        expect(await engine.waitForPosition(counts.name, last, 20_000)).toBe(true);
      }
      expect(lockedReads()).toBe(0);
    } finally {
      queries.mockRestore();
    }
    expect((await engine.statusOf(counts.name)).position).toBe(last);
    expect(countsOf((await engine.loadDocs(counts)).docs)).toEqual(before);
  });

  it('moves a checkpoint alone only from where its runner left it, clearing an error as a batch does', async () => {
    const runner = bed.dataSource.createQueryRunner();
    try {
      await ensureCheckpoints(runner, [{ name: 'idle_view', version: 1 }]);
      await runner.query(
        `UPDATE projection_checkpoints SET status = 'failed', error_position = 3, error_message = 'x' WHERE name = 'idle_view'`,
      );
      const start = (await readProgress(runner, 'live', 'idle_view'))!;
      const move = { name: 'idle_view', expected: start, position: 7, status: 'running' as const, eventsPerSecond: 12.6 };
      expect(await moveCheckpointsAlone(runner, [move])).toEqual(
        new Map([['idle_view', { version: 1, position: 7, status: 'running', errorPosition: null }]]),
      );
      expect(await moveCheckpointsAlone(runner, [{ ...move, position: 9 }])).toEqual(new Map());
      expect(await moveCheckpointsAlone(runner, [{ ...move, expected: { ...start, position: 7, version: 2 }, position: 9 }])).toEqual(
        new Map(),
      );
      const [row] = await runner.query(
        `SELECT position, events_per_second, error_message FROM projection_checkpoints WHERE name = 'idle_view'`,
      );
      expect(row).toEqual({ position: '7', events_per_second: 13, error_message: null });
      // Not left in a transaction: the next statement on the connection runs on its own.
      expect(await runner.query('SELECT pg_current_xact_id_if_assigned() AS xid')).toEqual([{ xid: null }]);
    } finally {
      await runner.release();
    }
  });

  it('sends the checkpoint moves views ask for in one turn as one statement, each fenced on its own', async () => {
    const names = ['idle_a', 'idle_b', 'idle_c'];
    const runners = names.map(() => bed.dataSource.createQueryRunner());
    const queries = jest.spyOn(pg.Client.prototype, 'query');
    try {
      await ensureCheckpoints(
        bed.dataSource,
        names.map((name) => ({ name, version: 1 })),
      );
      const starts = await Promise.all(names.map((name) => readProgress(bed.dataSource, 'live', name)));
      const moves = new CheckpointMoves();
      const moved = await Promise.all(
        names.map((name, i) => {
          // idle_b's runner believes it stands elsewhere: fenced, while the others move.
          const expected = i === 1 ? { ...starts[i]!, position: 5 } : starts[i]!;
          return moves.move(runners[i]!, { name, expected, position: 11, status: 'running', eventsPerSecond: 0 });
        }),
      );
      expect(moved.map((progress) => progress?.position)).toEqual([11, undefined, 11]);
      const statements = queries.mock.calls.filter(([q]) => String(q).includes('AS m(name, position'));
      expect(statements).toHaveLength(1);
      const after = await Promise.all(names.map((name) => readProgress(bed.dataSource, 'live', name)));
      expect(after.map((progress) => progress!.position)).toEqual([11, 0, 11]);
    } finally {
      queries.mockRestore();
      await Promise.all(runners.map((runner) => runner.release()));
    }
  });

  it("moves the other views' checkpoints when the connection the group's statement ran on is gone", async () => {
    const names = ['lone_a', 'lone_b'];
    const runners = names.map(() => bed.dataSource.createQueryRunner());
    try {
      await ensureCheckpoints(
        bed.dataSource,
        names.map((name) => ({ name, version: 1 })),
      );
      const starts = await Promise.all(names.map((name) => readProgress(bed.dataSource, 'live', name)));
      const [gone] = (await runners[0]!.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
      await runners[1]!.connect();
      await bed.dataSource.query('SELECT pg_terminate_backend($1)', [gone!.pid]);
      const moves = new CheckpointMoves();
      const [first, second] = await Promise.allSettled(
        names.map((name, i) =>
          moves.move(runners[i]!, { name, expected: starts[i]!, position: 12, status: 'running', eventsPerSecond: 0 }),
        ),
      );
      expect(first!.status).toBe('rejected');
      expect(second).toEqual({ status: 'fulfilled', value: expect.objectContaining({ position: 12 }) });
      expect((await readProgress(bed.dataSource, 'live', 'lone_b'))!.position).toBe(12);
    } finally {
      await Promise.all(runners.map((runner) => runner.release().catch(() => undefined)));
    }
  });

  it('refuses to start when a projection table was never migrated', async () => {
    const unmigrated = await bed.engine([countingProjection({ name: 'never_migrated' })]);
    await expect(unmigrated.start()).rejects.toThrow(ProjectionTablesMissing);
    await expect(unmigrated.start()).rejects.toThrow(/projection_never_migrated/);
  });

  it('refuses two projections of one name, whose rows would share a table', async () => {
    await expect(bed.engine([counts, countingProjection()])).rejects.toThrow('Two projections are named event_counts');
  });
});

/** Engines started and stopped by each test, on a database of their own. */
describe('a projection engine, one at a time', () => {
  let bed: ProjectionTestBed;

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('projection_engine_lifecycle', [counts.name]);
    await bed.append(100);
  });

  afterEach(async () => {
    await bed.stopEngines();
  });

  afterAll(async () => {
    await bed.close();
  });

  it('started twice, runs as if started once: stopping it gives every job up, for another instance to take', async () => {
    const engine = await bed.engine([counts]);
    await engine.start();
    await engine.start();
    expect(await engine.waitForPosition(counts.name, bed.lastAppended, 20_000)).toBe(true);
    await engine.stop();
    const next = await bed.engine([counts]);
    await next.start();
    await eventually('the other instance leads', async () => (await next.statusOf(counts.name)).role === 'leader');
  });

  it('with nothing to do, looks for work once a retry interval, not round after round', async () => {
    let rounds = 0;
    // Each round of looking for work starts by reading the views' versions.
    const isRound = (sql: unknown) => typeof sql === 'string' && sql.startsWith('SELECT name, version FROM projection_checkpoints WHERE');
    const counting = new Proxy(bed.dataSource, {
      get(target, property, receiver) {
        if (property !== 'createQueryRunner') return Reflect.get(target, property, receiver);
        return () => {
          const runner = target.createQueryRunner();
          const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
          runner.query = ((...args: unknown[]) => {
            if (isRound(args[0])) rounds++;
            return query(...args);
          }) as typeof runner.query;
          return runner;
        };
      },
    });
    const engine = await bed.engine([counts], { dataSource: counting, retryIntervalMs: 100 });
    await engine.start();
    expect(await engine.waitForPosition(counts.name, bed.lastAppended, 20_000)).toBe(true);
    rounds = 0;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await engine.stop();
    // About ten in a second at the interval asked for (not the default 3 s); rounds back to back would make hundreds.
    expect(rounds).toBeGreaterThan(0);
    expect(rounds).toBeLessThan(40);
  });

  it('moves the checkpoints of its live views past a batch with nothing to fold in one statement for both', async () => {
    const { twoViews, engine, countsToo } = await twoCountingViews('projection_engine_two_idle_views');
    try {
      const queries = jest.spyOn(pg.Client.prototype, 'query');
      let statements: string[];
      try {
        for (let n = 0; n < 5; n++) {
          const last = await appendNote(twoViews, `idle-${n}`);
          for (const view of [counts, countsToo]) expect(await engine.waitForPosition(view.name, last, 20_000)).toBe(true);
        }
        statements = queries.mock.calls.map(([q]) => String(q)).filter((q) => q.includes('AS m(name, position'));
      } finally {
        queries.mockRestore();
      }
      const both = statements.filter((q) => q.includes(`'${counts.name}'`) && q.includes(`'${countsToo.name}'`));
      expect(both.length).toBeGreaterThan(0);
      // Five batches for each of two views: ten moves, in fewer statements.
      expect(statements.length).toBeLessThan(10);
    } finally {
      await twoViews.close();
    }
  });

  it('reads each new event once for all its live views, not once per view', async () => {
    const { twoViews, engine, countsToo } = await twoCountingViews('projection_engine_two_views');
    try {
      // Every read of the log a live view makes asks with a limit; the events it read are its rows.
      let eventsRead = 0;
      const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
      const queries = jest.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
        const text = String((args[0] as { text?: string }).text);
        const answer = args.at(-1);
        if (text.includes('FROM es_events WHERE') && text.includes(' LIMIT ') && typeof answer === 'function') {
          args[args.length - 1] = (error: unknown, result?: { rowCount: number }) => {
            eventsRead += result?.rowCount ?? 0;
            answer(error, result);
          };
        }
        return query.apply(this, args) as never;
      });
      let appended: Awaited<ReturnType<ProjectionTestBed['append']>>;
      try {
        appended = await twoViews.append(300);
        for (const view of [counts, countsToo]) expect(await engine.waitForPosition(view.name, twoViews.lastAppended, 20_000)).toBe(true);
      } finally {
        queries.mockRestore();
      }
      expect(eventsRead).toBe(appended.length);
      expect(countsOf((await engine.loadDocs(countsToo)).docs)).toEqual(directCounts(await twoViews.allEvents()));
    } finally {
      await twoViews.close();
    }
  });
});

/** Keys any projection may name: quotes, backslashes, `$$`, commas, braces, any letter; only NUL is refused (`keysOf`). */
describe('a live batch reads its rows with the lock of its checkpoint and writes them with its commit', () => {
  it.each([
    ['reads every row back from the table (no rows kept)', 0],
    ['holds the rows it wrote, and sends lock, write and commit in one message', 4 * 2 ** 20],
  ])('%s, and finds every row again, with its doc as written, whatever its key and doc hold', async (_, liveCacheBytes) => {
    /** Each doc holds its key as text too, so the documents' literal carries the hostile text as well. */
    const keyed: Projection<{ text: string; events: number }> = {
      name: 'odd_keys',
      version: 1,
      eventTypes: ['ContactRecorded'],
      keysOf: (event: RecordedEvent) => [(event.data as { key: string }).key],
      evolve: (rows, event) => {
        const key = (event.data as { key: string }).key;
        rows.set(key, { text: key, events: (rows.get(key)?.events ?? 0) + 1 });
      },
    };
    const bed = await ProjectionTestBed.create('projection_engine_odd_keys', [keyed.name]);
    try {
      const engine = await bed.engine([keyed], { liveCacheBytes });
      await engine.start();
      const queries = jest.spyOn(pg.Client.prototype, 'query');
      const key = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).filter((k) => !k.includes('\0'));
      const keys = fc.sample(fc.uniqueArray(key, { minLength: 20, maxLength: 20 }), { numRuns: 1, seed: 16 })[0]!;
      keys.push(`it's`, `a\\b`, `$$x$$`, `{"a",b}`, `ARRAY['x']`, `'); DROP TABLE projection_odd_keys; --`);
      let seen = 0;
      let writes: string[] = [];
      try {
        // Each key twice, in two batches: the second finds the row the first wrote only if it reads it back.
        for (const round of [1, 2]) {
          for (const [n, k] of keys.entries()) {
            const ids = { commandId: `c${round}-${n}`, correlationId: `c${round}-${n}`, causationId: `c${round}-${n}` };
            const metadata = { actor: 'Z123456', officeNumber: '0314', schemaVersion: 1, ...ids };
            await bed.store.append(officeStream('0314', 'case', `k${n}`), [{ type: 'ContactRecorded', data: { key: k }, metadata }]);
          }
          const head = await bed.store.headPosition();
          expect(await engine.waitForPosition(keyed.name, head, 20_000)).toBe(true);
        }
        seen = queries.mock.calls.filter(([q]) =>
          String(q).includes('FOR UPDATE; SELECT key, doc::text AS doc, last_position FROM projection_odd_keys'),
        ).length;
        writes = queries.mock.calls.map(([q]) => String(q)).filter((q) => q.includes('INSERT INTO projection_odd_keys'));
      } finally {
        queries.mockRestore();
      }
      expect(seen).toBeGreaterThan(0);
      expect(writes.length).toBeGreaterThan(0);
      for (const write of writes) expect(write).toMatch(/;\s*COMMIT$/);
      // Held rows: the second round's batches lock, write and commit in one message, read nothing.
      const inOneMessage = writes.filter((write) => /^START TRANSACTION;[\s\S]*FOR UPDATE;\s*WITH upserted AS/.test(write));
      if (liveCacheBytes > 0) expect(inOneMessage.length).toBeGreaterThan(0);
      else expect(inOneMessage).toEqual([]);
      const { docs } = await engine.loadDocs(keyed);
      expect(docs).toEqual(new Map(keys.map((k) => [k, { text: k, events: 2 }])));
    } finally {
      await bed.close();
    }
  });
});
