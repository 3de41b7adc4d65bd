import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import pg from 'pg';
import type { QueryRunner } from 'typeorm';
import { isDatabaseUnavailable } from '@app/database';
import { createPostgresEventStore, type PostgresEventStore } from '@app/event-store';
import { selectDocs, type AnyProjection, type KeyRange } from '@app/projections';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { buildApp } from '../../bench/chaos/app-process.js';
import { decide, decisionScenario, metadataOf } from '../../test/property/decision-log.js';
import { contacted } from '../../test/views/view-events.examples.js';
import { clientRetentionProjection } from '../cases/client-retention/client-retention.projection.js';
import { engagementProjection } from '../employers/engagement/engagement.projection.js';
import type { Snapshots } from '../shared/views/snapshots/office-replay.js';
import { CreateViewReplaySnapshots1769100000000 } from '../shared/views/snapshots/replay-snapshots.migration.js';
import { ReplaySnapshotStore } from '../shared/views/snapshots/replay-snapshot-store.js';
import { inRanges, type ReadRanges } from '../shared/views/read-ranges.js';
import { replayViews, type ReplayBound, type ReplayScope } from '../shared/views/view-replay.js';
import { APP_PROJECTIONS } from '../views/app-views.js';
import { OfficeReplayThreads } from './office-replay-threads.js';

/** The views keyed by the office of the event's stream: all but client retention (by person, never replayed). */
const BY_OFFICE = APP_PROJECTIONS.filter((p) => p.name !== clientRetentionProjection.name);

/** A fresh database with the event store's tables and the snapshots' table; dropped once `use` has settled. */
async function withLog(use: (log: { url: string; store: PostgresEventStore; snapshotStore: ReplaySnapshotStore }) => Promise<void>) {
  const database: TestDatabase = await createTestDatabase('replay_threads');
  const store = await createPostgresEventStore({ connectionString: database.url, poolSize: 4 });
  const sql = new pg.Pool({ connectionString: database.url, max: 2 });
  // The drop at the end ends its idle connections: not a failure of the test.
  sql.on('error', () => undefined);
  try {
    await new CreateViewReplaySnapshots1769100000000().up({ query: (text: string) => sql.query(text) } as unknown as QueryRunner);
    const snapshotStore = new ReplaySnapshotStore({ query: async (text, parameters) => (await sql.query(text, parameters)).rows });
    await use({ url: database.url, store, snapshotStore });
  } finally {
    await sql.end();
    await store.close();
    await database.drop();
  }
}

/** Ranges as queries read them: the offices answer's months, and employers by contacts, the first three of all offices. */
const READ: ReadRanges = new Map<string, KeyRange[]>([
  [engagementProjection.name, [{ prefix: 'c|2026-' }, { from: 'm|2025-12', to: 'm|2026-02' }]],
  ['employer_relationships', [{ orderBy: 'byContacts', prefix: '', limit: 3 }]],
]);

/** One employer contact of `office`, as the command stores it. */
async function contactOf(store: PostgresEventStore, office: string): Promise<void> {
  const { type, data } = contacted('974760673', '2026-01-05T10:00:00.000Z');
  await store.append(`office-${office}.employer-974760673`, [{ type, data, metadata: metadataOf(office, type, 1) }]);
}

/** The app's snapshots, as `ViewReader` hands them to a replay: a snapshot that cannot be stored fails the test. */
const snapshotsOf = (snapshotStore: ReplaySnapshotStore, every: number): Snapshots => ({
  latest: (scopes, toPosition) => snapshotStore.latest(scopes, toPosition),
  save: (scope, snapshot) => snapshotStore.save(scope, snapshot),
  log: 'postgres',
  every,
  onSaveFailed: (error) => {
    throw error;
  },
});

/**
 * Issue 16: a national as-of replay folds the offices on worker threads, each with connections of its
 * own, and answers exactly what the calling thread's fold of the same events answers; a thread that
 * dies or cannot reach the database fails the replay with a clear error, and the next one is answered.
 * The threads run the app as `npm run build` compiles it (the file `npm start` runs).
 */
describe('as-of replays folded on worker threads (PostgreSQL)', () => {
  let workerFile: string;
  beforeAll(() => {
    workerFile = join(dirname(buildApp('office-replay-threads')), 'infrastructure', 'office-replay.worker.js');
  }, 180_000);

  const threadsOn = (url: string, calling: ConstructorParameters<typeof OfficeReplayThreads>[0]['calling'], file = workerFile) =>
    new OfficeReplayThreads({ databaseUrl: url, calling, threads: 2, workerFile: file });

  it('answers what one thread answers from nothing, for any history, scope, moment and interval', async () => {
    await fc.assert(
      fc.asyncProperty(
        decisionScenario,
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }),
        async ({ now, commands }, every, moments) => {
          await withLog(async ({ url, store, snapshotStore }) => {
            for (const [n, { stream, office, events }] of decide(now, commands).entries()) {
              await store.append(
                stream,
                events.map((e) => ({ type: e.type, data: e.data, metadata: metadataOf(office, e.type, n) })),
              );
            }
            const head = await store.headPosition();
            const log = await store.readAll();
            const threads = threadsOn(url, { store, snapshotStore });
            try {
              const snapshots = snapshotsOf(snapshotStore, every);
              const scopes: ReplayScope[] = [{}, { offices: ['1201', '0314'] }, { office: '5001' }];
              const bounds: ReplayBound[] = moments.map((m) => ({ toPosition: Math.round(m * head) }));
              const instant = log[Math.floor(moments[0]! * (log.length - 1))];
              if (instant) bounds.push({ toPosition: head, recordedBy: Date.parse(instant.recordedAt) });
              // At the head twice: the second starts from the snapshots the threads took in the first.
              bounds.push({ toPosition: head }, { toPosition: head });
              for (const bound of bounds) {
                for (const scope of scopes) {
                  const before = threads.answeredOffThread;
                  const onThreads = await replayViews(store, BY_OFFICE, scope, bound, { snapshots, threads, pageSize: 5 });
                  const onThisThread = await replayViews(store, BY_OFFICE, scope, bound);
                  expect(onThreads).toEqual(onThisThread);
                  // Every office of the scope went to a thread, not only some (with `recordedBy` the replay finds where it ends).
                  if (bound.recordedBy !== undefined) continue;
                  const national = () => store.streamCategories(bound.toPosition).then((categories) => categories.length);
                  const offices = 'office' in scope ? 1 : scope.offices ? scope.offices.length : await national();
                  expect(threads.answeredOffThread - before).toBe(offices);
                }
                // Told the ranges an answer reads, the offices hand back no more than those ranges of theirs, and each range
                // selects from them what it selects from the whole fold: an ordered range's first few of all offices too.
                const { docs: handed, ...onThreads } = await replayViews(store, BY_OFFICE, {}, bound, { snapshots, threads, ranges: READ });
                const { docs: whole, ...onThisThread } = await replayViews(store, BY_OFFICE, {}, bound);
                expect(onThreads).toEqual(onThisThread);
                for (const [view, docs] of whole) {
                  const ranges = READ.get(view);
                  if (!ranges) expect(handed.get(view)).toEqual(docs);
                  for (const range of ranges ?? []) expect(selectDocs(handed.get(view)!, range)).toEqual(selectDocs(docs, range));
                  for (const [key, doc] of handed.get(view)!) expect(docs.get(key)).toEqual(doc);
                  if (view === engagementProjection.name) expect(handed.get(view)).toEqual(inRanges(docs, ranges));
                }
              }
            } finally {
              await threads.onModuleDestroy();
            }
          });
        },
      ),
      // Each run is a database and two threads of its own: a few runs, with time for a machine that runs other suites.
      { numRuns: 5 },
    );
  }, 600_000);

  it("replays on the calling thread the views the threads do not fold (another release's)", async () => {
    await withLog(async ({ url, store, snapshotStore }) => {
      await contactOf(store, '0314');
      const threads = threadsOn(url, { store, snapshotStore });
      try {
        const bumped: AnyProjection = { ...engagementProjection, version: engagementProjection.version + 1 };
        expect(threads.serves([engagementProjection])).toBe(true);
        expect(threads.serves([engagementProjection, bumped])).toBe(false);
        await replayViews(store, [bumped], {}, { toPosition: await store.headPosition() }, { threads });
        expect(threads.answeredOffThread).toBe(0);
      } finally {
        await threads.onModuleDestroy();
      }
    });
  });

  it('fails a replay whose thread dies with a clear error, and answers the next on a new thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ect-replay-threads-'));
    const marker = join(dir, 'died');
    // The first office's replay ends its thread; later ones are the app's.
    const dying = join(dir, 'dying.worker.mjs');
    writeFileSync(
      dying,
      [
        "import { existsSync, writeFileSync } from 'node:fs';",
        `import replay from ${JSON.stringify(pathToFileURL(resolve(workerFile)).href)};`,
        'export default (task) => {',
        `  if (task.views.length > 0 && !existsSync(${JSON.stringify(marker)})) {`,
        `    writeFileSync(${JSON.stringify(marker)}, 'yes');`,
        '    process.exit(7);',
        '  }',
        '  return replay(task);',
        '};',
      ].join('\n'),
    );
    try {
      await withLog(async ({ url, store, snapshotStore }) => {
        for (const office of ['0314', '5001', '1201']) await contactOf(store, office);
        const head = await store.headPosition();
        const threads = threadsOn(url, { store, snapshotStore }, dying);
        try {
          await expect(replayViews(store, BY_OFFICE, {}, { toPosition: head }, { threads })).rejects.toThrow(
            /^The as-of replay of office \d{4} failed on its thread: worker exited with code: 7$/,
          );
          expect(existsSync(marker)).toBe(true);
          expect(threads.hasThread).toBe(true);
          expect(await replayViews(store, BY_OFFICE, {}, { toPosition: head }, { threads })).toEqual(
            await replayViews(store, BY_OFFICE, {}, { toPosition: head }),
          );
        } finally {
          await threads.onModuleDestroy();
        }
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails a replay whose thread cannot reach the database as the database being unavailable (503)', async () => {
    await withLog(async ({ url, store, snapshotStore }) => {
      await contactOf(store, '0314');
      // Nothing listens on port 1.
      const unreachable = url.replace(/:\d+\//, ':1/');
      const threads = threadsOn(unreachable, { store, snapshotStore });
      try {
        const failed = await replayViews(store, BY_OFFICE, {}, { toPosition: await store.headPosition() }, { threads }).catch(
          (e: unknown) => e,
        );
        expect(failed).toBeInstanceOf(Error);
        expect((failed as Error).message).toMatch(/^The as-of replay of office 0314 failed on its thread: .*ECONNREFUSED/);
        expect(isDatabaseUnavailable(failed)).toBe(true);
      } finally {
        await threads.onModuleDestroy();
      }
    });
  });
});
