import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { InMemoryEventStore } from '@app/event-store';
import { InMemoryFold, ProjectionEventFailed, type AnyProjection, type RowAccess } from '@app/projections';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { decide, decisionScenario, metadataOf } from '../../../../test/property/decision-log.js';
import { clientRetentionProjection } from '../../../cases/client-retention/client-retention.projection.js';
import { engagementProjection } from '../../../employers/engagement/engagement.projection.js';
import { APP_PROJECTIONS } from '../../../views/app-views.js';
import { replayViews, type ParkedInReplay, type Replayed, type ReplayBound, type ReplayScope } from '../view-replay.js';
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

/** The views keyed by the office of the event's stream: all but client retention (by person, never replayed). */
const BY_OFFICE = APP_PROJECTIONS.filter((p) => p.name !== clientRetentionProjection.name);

/** The commands' events, as the deciders made them, appended to the store; `apartMs` between appends. */
async function appendDecided(store: InMemoryEventStore, now: number, commands: Parameters<typeof decide>[1], apartMs = 0): Promise<void> {
  for (const [n, { stream, office, events }] of decide(now, commands).entries()) {
    await store.append(
      stream,
      events.map((e) => ({ type: e.type, data: e.data, metadata: metadataOf(office, e.type, n) })),
    );
    if (apartMs > 0) await new Promise((resolve) => setTimeout(resolve, apartMs));
  }
}

/**
 * Every office's views as one fold of the whole log, as the national replay was before it read office
 * by office: what that replay must answer, whichever offices it found and wherever their snapshots are.
 */
async function replayWholeLog(store: InMemoryEventStore, projections: readonly AnyProjection[], bound: ReplayBound): Promise<Replayed> {
  const types = new Set(projections.flatMap((p) => p.eventTypes));
  const events = (await store.readAll({ toPosition: bound.toPosition })).filter((e) => types.has(e.type));
  const end = bound.recordedBy === undefined ? -1 : events.findIndex((e) => Date.parse(e.recordedAt) > bound.recordedBy!);
  const included = end === -1 ? events : events.slice(0, end);
  const parked: ParkedInReplay[] = [];
  const onParked = (view: string) => (failure: ProjectionEventFailed) => parked.push({ view, position: failure.position });
  const docs = new Map(
    projections.map((p) => [p.name, new InMemoryFold<unknown>(p, { onParked: onParked(p.name) }).apply(included).docs()]),
  );
  parked.sort((a, b) => a.position - b.position || a.view.localeCompare(b.view));
  return { docs, lastPosition: included.at(-1)?.position ?? 0, parked };
}

/**
 * Issue 16: an as-of answer that starts from stored snapshots equals the replay of everything (a
 * national one: the fold of the whole log), whatever the history, the moments asked for (in any
 * order: snapshots taken by one replay serve the next), the snapshot interval, a version bump and
 * parked events.
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
    latest: async (scopes, toPosition) => {
      const found = await snapshotStore.latest(scopes, toPosition);
      resumed += found.filter((snapshot) => snapshot !== undefined).length;
      return found;
    },
    save: (scope, snapshot) => snapshotStore.save(scope, snapshot),
    log,
    every,
    onSaveFailed: (error) => {
      throw error;
    },
  });

  it("looks up several views' latest snapshots in one call, each answer in the order asked, none where none is", async () => {
    const scope = (view: string, office = '0314') => ({ log: 'lookup-order', view, version: 1, office });
    const snapshot = (position: number) => ({
      position,
      eventsSeen: position,
      docs: [[`k|${position}`, { at: position }]] as [string, unknown][],
      parked: [],
    });
    await snapshotStore.save(scope('a'), snapshot(10));
    await snapshotStore.save(scope('a'), snapshot(20));
    await snapshotStore.save(scope('b'), snapshot(15));
    await snapshotStore.save(scope('c', '5001'), snapshot(5));
    const asked = [scope('b'), scope('none'), scope('a'), scope('c'), scope('c', '5001')];
    expect((await snapshotStore.latest(asked, 19)).map((found) => found?.position)).toEqual([15, undefined, 10, undefined, 5]);
    expect((await snapshotStore.latest(asked, 20)).map((found) => found?.docs)).toEqual([
      [['k|15', { at: 15 }]],
      undefined,
      [['k|20', { at: 20 }]],
      undefined,
      [['k|5', { at: 5 }]],
    ]);
    expect(await snapshotStore.latest([], 20)).toEqual([]);
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
          await appendDecided(store, now, commands);
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
          // At the head twice: the second answer starts from the first one's snapshots whatever the moments
          // drawn, so every run with events in these offices runs over snapshots.
          await check([...APP_PROJECTIONS, failing], head);
          await check([...APP_PROJECTIONS, failing], head);
          // The next version of a view, asked for after the old one left snapshots everywhere.
          for (const moment of moments) await check([bumped], at(moment));
        },
      ),
      { numRuns: 30 },
    );
    expect(resumed).toBeGreaterThan(100);
  }, 300_000);

  it('does not read an office again from its first event for a view that has no snapshot there', async () => {
    const store = new InMemoryEventStore();
    for (const { now, commands } of fc.sample(decisionScenario, { numRuns: 10, seed: 7 })) {
      await appendDecided(store, now, commands);
    }
    // The view and office with the most events: that view gets snapshots.
    const candidates = BY_OFFICE.flatMap((view) => ['0314', '5001', '1201'].map((office) => ({ view, office })));
    const counted = await Promise.all(
      candidates.map(async (c) => ({
        ...c,
        events: (await store.readAll({ streamPrefix: `office-${c.office}.`, types: c.view.eventTypes })).length,
      })),
    );
    const { view, office, events } = counted.sort((a, b) => b.events - a.events)[0]!;
    expect(events).toBeGreaterThan(20);
    // A view whose events the office never had: it never gets a snapshot.
    const rare: AnyProjection = { ...view, name: 'rare_events', eventTypes: ['NeverRecorded'] };
    let read = 0;
    const counting = {
      readAll: async (options: Parameters<InMemoryEventStore['readAll']>[0]) => {
        const page = await store.readAll(options);
        read += page.length;
        return page;
      },
      streamCategories: (toPosition: number) => store.streamCategories(toPosition),
    };
    const head = await store.headPosition();
    const snapshots = snapshotsOf(await store.identity(), 1);
    const first = await replayViews(counting, [view, rare], { office }, { toPosition: head }, { snapshots });
    expect(read).toBe(events);

    read = 0;
    const again = await replayViews(counting, [view, rare], { office }, { toPosition: head }, { snapshots });
    expect(again).toEqual(first);
    expect(read).toBe(0);
  });

  it('answers a national replay (every office, each from its snapshots) as one fold of the whole log does', async () => {
    const before = resumed;
    await fc.assert(
      fc.asyncProperty(
        decisionScenario,
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 4 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
        async ({ now, commands }, every, moments, failures) => {
          const store = new InMemoryEventStore();
          // Apart in time, so an instant asked for falls between appends.
          await appendDecided(store, now, commands, 2);
          const log = await store.readAll();
          const head = await store.headPosition();
          const at = (fraction: number) => Math.round(fraction * head);
          const projections = [...BY_OFFICE, failingAt(new Set(failures.map(at)))];
          const snapshots = snapshotsOf(await store.identity(), every);
          const checkNational = async (views: readonly AnyProjection[], bound: ReplayBound) => {
            const national = await replayViews(store, views, {}, bound, { snapshots, pageSize: 7 });
            expect(national).toEqual(await replayWholeLog(store, views, bound));
          };
          // Offices whose first event comes before, at or after the moment; snapshots of earlier moments serve later ones.
          for (const moment of moments) await checkNational(projections, { toPosition: at(moment) });
          for (const moment of moments) {
            const instant = log[Math.min(log.length - 1, Math.floor(moment * log.length))];
            if (instant) await checkNational(projections, { toPosition: head, recordedBy: Date.parse(instant.recordedAt) });
          }
          // At the head twice: the second answer starts from the first one's snapshots in every office whatever
          // the moments drawn, so the property always runs over snapshots.
          await checkNational(projections, { toPosition: head });
          await checkNational(projections, { toPosition: head });
          await checkNational([bumped], { toPosition: head });
        },
      ),
      { numRuns: 15 },
    );
    expect(resumed - before).toBeGreaterThan(20);
  }, 300_000);
});
