import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { InMemoryEventStore } from '@app/event-store';
import type { AnyProjection, RowAccess } from '@app/projections';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { decide, decisionScenario, metadataOf } from '../../../../test/property/decision-log.js';
import { engagementProjection } from '../../../employers/engagement/engagement.projection.js';
import { APP_PROJECTIONS } from '../../../views/app-views.js';
import { replayViews, type ReplayScope } from '../view-replay.js';
import type { Snapshots } from './office-replay.js';
import { CreateViewReplaySnapshots1769100000000 } from './replay-snapshots.migration.js';
import { ReplaySnapshotStore } from './replay-snapshot-store.js';

/** The same view at its next version, folding differently: snapshots of the old version must not leak into it. */
const bumped: AnyProjection = {
  ...engagementProjection,
  version: engagementProjection.version + 1,
  evolve(rows: RowAccess<unknown>, event) {
    const marked = { ...rows, set: (key: string, doc: unknown) => rows.set(key, { ...(doc as object), bumpedAt: event.position }) };
    engagementProjection.evolve(
      marked as Parameters<typeof engagementProjection.evolve>[0],
      event as Parameters<typeof engagementProjection.evolve>[1],
    );
  },
};

/** Throws at some events: those are parked, before and after a snapshot alike. */
const failingAt = (positions: ReadonlySet<number>): AnyProjection => ({
  ...engagementProjection,
  name: 'engagement_parking',
  evolve(rows, event) {
    engagementProjection.evolve(rows, event as Parameters<typeof engagementProjection.evolve>[1]);
    if (positions.has(event.position)) throw new Error('cannot apply');
  },
});

/**
 * Issue 16: an as-of answer that starts from stored snapshots equals the replay of everything,
 * whatever the history, the moments asked for (in any order: snapshots taken by one replay serve
 * the next), the snapshot interval, a version bump and parked events.
 */
describe('as-of replays from snapshots (PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let snapshotStore: ReplaySnapshotStore;

  beforeAll(async () => {
    database = await createTestDatabase('snapshot_replay');
    dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: [CreateViewReplaySnapshots1769100000000] });
    await dataSource.initialize();
    await dataSource.runMigrations();
    snapshotStore = new ReplaySnapshotStore(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  /** Replays that started from a snapshot: the property must run over snapshots, not around them. */
  let resumed = 0;
  const snapshotsOf = (log: string, every: number): Snapshots => ({
    latest: async (scope, toPosition) => {
      const found = await snapshotStore.latest(scope, toPosition);
      if (found) resumed++;
      return found;
    },
    save: (scope, snapshot) => snapshotStore.save(scope, snapshot),
    log,
    every,
    onSaveFailed: (error) => {
      throw error;
    },
  });

  it('answers as a replay of everything does, for any history, moments and interval', async () => {
    await fc.assert(
      fc.asyncProperty(
        decisionScenario,
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 5 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
        async ({ now, commands }, every, moments, failures) => {
          const store = new InMemoryEventStore();
          for (const [n, { stream, office, events }] of decide(now, commands).entries()) {
            const metadata = (type: string) => metadataOf(office, type, n);
            await store.append(
              stream,
              events.map((e) => ({ type: e.type, data: e.data, metadata: metadata(e.type) })),
            );
          }
          const head = await store.headPosition();
          const at = (fraction: number) => Math.round(fraction * head);
          const failing = failingAt(new Set(failures.map(at)));
          const snapshots = snapshotsOf(await store.identity(), every);
          const scopes: ReplayScope[] = [{ office: '0314' }, { office: '5001' }, { offices: ['1201', '0314'] }];
          const check = async (projections: readonly AnyProjection[], position: number) => {
            for (const scope of scopes) {
              const fromSnapshots = await replayViews(store, projections, scope, { toPosition: position }, { snapshots, pageSize: 3 });
              const fromNothing = await replayViews(store, projections, scope, { toPosition: position });
              expect(fromSnapshots).toEqual(fromNothing);
            }
          };
          for (const moment of moments) await check([...APP_PROJECTIONS, failing], at(moment));
          // The next version of a view, asked for after the old one left snapshots everywhere.
          await check([...APP_PROJECTIONS, failing], head);
          for (const moment of moments) await check([bumped], at(moment));
        },
      ),
      { numRuns: 30 },
    );
    expect(resumed).toBeGreaterThan(100);
  }, 300_000);
});
