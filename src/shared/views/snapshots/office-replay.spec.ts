import { InMemoryEventStore, officeOfStream, officeStream, type EventStore } from '@app/event-store';
import { InMemoryFold, type AnyProjection } from '@app/projections';
import { FEWEST_EVENTS_BETWEEN_SNAPSHOTS, replayOffice, snapshotInterval, type Snapshots } from './office-replay.js';
import { replayOfficeViews } from './office-views-replay.js';
import type { ReplaySnapshot } from './replay-snapshot-store.js';

/** Counts each office's events of two types, and throws at the positions given: the smallest view keyed by office. */
const countsFailingAt = (failing: ReadonlySet<number>): AnyProjection => ({
  name: 'office_counts',
  version: 1,
  eventTypes: ['ContactRecorded', 'CaseEnrolled'],
  keysOf: (event) => [`count|${officeOfStream(event.streamId)}`],
  evolve: (rows, event) => {
    const key = `count|${officeOfStream(event.streamId)}`;
    const count = (rows.get(key) as { events: number; types: string[] } | undefined) ?? { events: 0, types: [] };
    rows.set(key, { events: count.events + 1, types: [...count.types, event.type] });
    if (failing.has(event.position)) throw new Error(`cannot count ${event.position}`);
  },
});

/** Snapshots kept in memory; the latest is the one of the highest position. */
function memorySnapshots(every: number): Snapshots & { taken: ReplaySnapshot[] } {
  const taken: ReplaySnapshot[] = [];
  return {
    taken,
    latest: async (scopes, toPosition) =>
      scopes.map(() =>
        taken
          .filter((s) => s.position <= toPosition)
          .sort((a, b) => a.position - b.position)
          .at(-1),
      ),
    save: async (_scope, snapshot) => void taken.push(snapshot),
    log: 'memory',
    every,
    onSaveFailed: (error) => {
      throw error;
    },
  };
}

async function officeLog(): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore();
  const types = ['ContactRecorded', 'NoteWritten', 'CaseEnrolled'];
  for (let n = 0; n < 30; n++) {
    const office = n % 4 === 0 ? '5701' : '0314';
    const metadata = {
      actor: 'Z123456',
      officeNumber: office,
      commandId: `c${n}`,
      correlationId: `c${n}`,
      causationId: `c${n}`,
      schemaVersion: 1,
    };
    await store.append(officeStream(office, 'case', `s${n}`), [{ type: types[n % 3]!, data: { n }, metadata }]);
  }
  return store;
}

describe('snapshotInterval', () => {
  it('takes a snapshot after half as many events as the last one held docs, within its bounds', () => {
    expect(snapshotInterval(2000, 0)).toBe(FEWEST_EVENTS_BETWEEN_SNAPSHOTS);
    expect(snapshotInterval(2000, 1000)).toBe(500);
    expect(snapshotInterval(2000, 1001)).toBe(501);
    expect(snapshotInterval(2000, 5000)).toBe(2000);
    expect(snapshotInterval(50, 0)).toBe(50);
  });
});

/**
 * An office's views from snapshots: `replayOffice` (one view; the fold that parks, once an event
 * fails) and `replayOfficeViews` (several views in one read of the events).
 */
describe('replaying an office from snapshots', () => {
  const office = '0314';

  it('takes snapshots on the way, with the events parked up to each, and equals a fold from nothing', async () => {
    const store = await officeLog();
    const events = await store.readAll({ streamPrefix: `office-${office}.` });
    const counted = events.filter((e) => e.type !== 'NoteWritten');
    const failing = countsFailingAt(new Set([counted[2]!.position, counted[9]!.position]));
    const parked: number[] = [];
    const expected = new InMemoryFold(failing, { onParked: (f) => parked.push(f.position) }).apply(events).docs();
    const snapshots = memorySnapshots(2);

    const replayed = await replayOffice(store, failing, office, await store.headPosition(), snapshots, 2);
    expect(replayed).toEqual({ docs: expected, lastPosition: counted.at(-1)!.position, parked });
    expect(parked).toEqual([counted[2]!.position, counted[9]!.position]);
    // One every second event of the view's types (the plain fold's, until the first that failed, and the parking fold's).
    expect(snapshots.taken.length).toBeGreaterThan(3);
    expect(snapshots.taken.map((s) => counted.findIndex((e) => e.position === s.position) % 2)).toEqual(snapshots.taken.map(() => 1));
    for (const snapshot of snapshots.taken) expect(snapshot.parked).toEqual(parked.filter((p) => p <= snapshot.position));

    // From the latest snapshot, at a moment between two of them.
    const middle = snapshots.taken[2]!.position + 1;
    const fromSnapshot = await replayOffice(store, failing, office, middle, snapshots, 2);
    expect(fromSnapshot).toEqual(await replayOffice(store, failing, office, middle, undefined, 1000));

    // Several views together from the snapshot at the second failure: what it had parked is still
    // left out and said so, and the snapshots they take on the way carry it too.
    const fromSecond = memorySnapshots(2);
    fromSecond.taken.push(...snapshots.taken.filter((s) => s.position <= counted[9]!.position));
    const head = await store.headPosition();
    expect(await replayOfficeViews(store, [failing], office, head, fromSecond, 2)).toEqual([replayed]);
    const later = fromSecond.taken.filter((s) => s.position > counted[9]!.position);
    expect(later.length).toBeGreaterThan(0);
    for (const snapshot of later) expect(snapshot.parked).toEqual(parked);
  });

  it('answers all the same when a snapshot cannot be stored, and reports it', async () => {
    const store = await officeLog();
    const reported: string[] = [];
    const snapshots: Snapshots = {
      ...memorySnapshots(2),
      save: async () => {
        throw new Error('disk full');
      },
      onSaveFailed: (error) => reported.push((error as Error).message),
    };
    const counts = countsFailingAt(new Set());
    const head = await store.headPosition();
    const fromNothing = await replayOffice(store, counts, office, head, undefined, 1000);
    expect(await replayOffice(store, counts, office, head, snapshots, 2)).toEqual(fromNothing);
    expect(reported.length).toBeGreaterThan(2);
    expect(new Set(reported)).toEqual(new Set(['disk full']));
    reported.length = 0;
    expect(await replayOfficeViews(store, [counts], office, head, snapshots, 2)).toEqual([fromNothing]);
    expect(reported.length).toBeGreaterThan(2);
  });

  it('passes on an error of the store rather than read again', async () => {
    const store = await officeLog();
    let reads = 0;
    const failingStore: Pick<EventStore, 'readAll'> = {
      readAll: async () => {
        reads++;
        throw new Error('connection terminated');
      },
    };
    const counts = countsFailingAt(new Set());
    await expect(replayOffice(failingStore, counts, office, await store.headPosition(), undefined, 10)).rejects.toThrow(
      'connection terminated',
    );
    expect(reads).toBe(1);
    reads = 0;
    await expect(replayOfficeViews(failingStore, [counts], office, await store.headPosition(), undefined, 10)).rejects.toThrow(
      'connection terminated',
    );
    expect(reads).toBe(1);
    // …while an event that fails is folded again, parking.
    const [, event] = await store.readAll({ streamPrefix: `office-${office}.`, types: counts.eventTypes });
    const [replayed] = await replayOfficeViews(
      store,
      [countsFailingAt(new Set([event!.position]))],
      office,
      await store.headPosition(),
      undefined,
      10,
    );
    expect(replayed!.parked).toEqual([event!.position]);
  });
});
