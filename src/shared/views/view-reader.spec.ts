import { InMemoryEventStore, officeOfStream, officeStream } from '@app/event-store';
import { foldInMemory, type AnyProjection, type LoadedDocs, type ProjectionEngine } from '@app/projections';
import type { RuntimeConfig } from '../../config/runtime-config.js';
import { MetricsRegistry } from '../metrics/metrics-registry.js';
import type { ReplaySnapshot, ReplaySnapshotStore } from './snapshots/replay-snapshot-store.js';
import { ViewNotReady } from './view-not-ready.error.js';
import { ViewReader } from './view-reader.js';

/** This instance's release of a view: version 2. */
const counts: AnyProjection = {
  name: 'office_counts',
  version: 2,
  eventTypes: ['ContactRecorded'],
  keysOf: (event) => [`count|${officeOfStream(event.streamId)}`],
  evolve: (rows, event) => {
    const key = `count|${officeOfStream(event.streamId)}`;
    rows.set(key, { events: ((rows.get(key) as { events: number } | undefined)?.events ?? 0) + 1 });
  },
};

/** What the table holds: not what the fold gives, so an answer tells which of the two it came from. */
const tableDocs = () => new Map<string, unknown>([['count|0314', { events: 999 }]]);

const office = { office: '0314' };
const range = { prefix: 'count|0314' };

/**
 * The reader between the engine's table and the replay, with a stand-in engine: its table is at
 * whatever position and version a test gives, one load after another. That makes happen on purpose
 * what a test of the whole app cannot: another instance swapping its release of the view in while
 * this one waits for `minPosition` (a rolling deploy).
 */
describe('ViewReader', () => {
  let store: InMemoryEventStore;
  let head: number;

  beforeAll(async () => {
    store = new InMemoryEventStore();
    for (let n = 0; n < 3; n++) {
      const metadata = { actor: 'Z123456', officeNumber: '0314', commandId: `c${n}`, correlationId: `c${n}`, causationId: `c${n}` };
      await store.append(officeStream('0314', 'employer', `91234567${n}`), [
        { type: 'ContactRecorded', data: { n }, metadata: { ...metadata, schemaVersion: 1 } },
      ]);
    }
    head = await store.headPosition();
  });

  /** A reader whose view's table gives `loads` in turn; the engine's wait for a position answers `reached`. */
  function readerOf(
    loads: Omit<LoadedDocs<unknown>, 'docs'>[],
    { reached = true, snapshots = {} as ReplaySnapshotStore, projection = counts } = {},
  ) {
    const waits: number[] = [];
    const engine = {
      projection: () => projection,
      loadDocs: async () => ({ ...loads.shift()!, docs: tableDocs() }),
      loadDocsAsJson: async () => ({ ...loads.shift()!, json: JSON.stringify([...tableDocs()]) }),
      waitForPosition: async (_name: string, position: number) => (waits.push(position), reached),
    } as unknown as ProjectionEngine;
    const config = { asOfReplaysMax: 2, asOfSnapshotEvery: 1 } as RuntimeConfig;
    return { reader: new ViewReader(engine, store, config, snapshots, new MetricsRegistry()), waits };
  }
  const folded = async () => foldInMemory(counts, await store.readAll());

  describe('a live read', () => {
    it('answers from the table at once when it is at this release and at or past minPosition, or none was asked', async () => {
      const { reader, waits } = readerOf([
        { position: head, version: 2 },
        { position: head, version: 2 },
      ]);
      expect(await (await reader.at({}, [counts], office)).read(counts, range)).toEqual({ position: head, docs: tableDocs() });
      expect(await (await reader.at({ minPosition: head }, [counts], office)).read(counts, range)).toEqual({
        position: head,
        docs: tableDocs(),
      });
      expect(waits).toEqual([]);
    });

    it("answers from this release's fold when the table holds another release's docs", async () => {
      const { reader } = readerOf([{ position: head, version: 3 }]);
      expect(await (await reader.at({}, [counts], office)).read(counts, range)).toEqual({ position: head, docs: await folded() });
      expect(await folded()).toEqual(new Map([['count|0314', { events: 3 }]]));
    });

    it('waits for minPosition, then answers from the table if it is still at this release', async () => {
      const { reader, waits } = readerOf([
        { position: 1, version: 2 },
        { position: head, version: 2 },
      ]);
      const views = await reader.at({ minPosition: head }, [counts], office);
      expect(await views.read(counts, range)).toEqual({ position: head, docs: tableDocs() });
      expect(waits).toEqual([head]);
    });

    it("waits for minPosition, then answers from this release's fold if another release swapped in meanwhile", async () => {
      const { reader } = readerOf([
        { position: 1, version: 2 },
        { position: head, version: 3 },
      ]);
      const views = await reader.at({ minPosition: head }, [counts], office);
      expect(await views.read(counts, range)).toEqual({ position: head, docs: await folded() });
    });

    it("hands another thread the table's docs as one JSON text, or this release's fold when the table holds another's", async () => {
      const { reader, waits } = readerOf([
        { position: 1, version: 2 },
        { position: head, version: 2 },
        { position: head, version: 3 },
      ]);
      const fromTable = await (await reader.at({ minPosition: head }, [counts], office)).readForThread(counts, range);
      expect(fromTable).toEqual({ position: head, docs: { json: '[["count|0314",{"events":999}]]' } });
      expect(waits).toEqual([head]);
      const fromFold = await (await reader.at({}, [counts], office)).readForThread(counts, range);
      expect(fromFold).toEqual({ position: head, docs: { docs: await folded() } });
    });

    it('refuses with ViewNotReady (503) when the view does not reach minPosition in time, rather than answer from behind it', async () => {
      const { reader } = readerOf([{ position: 1, version: 2 }], { reached: false });
      const views = await reader.at({ minPosition: head }, [counts], office);
      await expect(views.read(counts, range)).rejects.toThrow(ViewNotReady);
    });
  });

  describe('an as-of replay', () => {
    /** Snapshots kept in memory, looked up and stored as the replay goes. */
    function memorySnapshots() {
      const saved: ReplaySnapshot[] = [];
      const lookups: number[] = [];
      const snapshots = {
        latest: async (scopes: readonly unknown[], toPosition: number) => {
          lookups.push(toPosition);
          return scopes.map(() => undefined);
        },
        save: async (_scope: unknown, snapshot: ReplaySnapshot) => void saved.push(snapshot),
      } as unknown as ReplaySnapshotStore;
      return { snapshots, saved, lookups };
    }

    it('starts from the snapshots the reader keeps and stores new ones, and marks the answer with its moment only', async () => {
      const { snapshots, saved, lookups } = memorySnapshots();
      const { reader } = readerOf([], { snapshots });
      const views = await reader.at({ asOfPosition: head }, [counts], office);
      const [last] = await store.readAll({ direction: 'backwards', limit: 1 });
      expect(views.marks).toEqual({ asOf: last!.recordedAt, asOfPosition: head });
      expect(await views.read(counts, range)).toEqual({ position: head, docs: await folded() });
      expect(await views.readForThread(counts, range)).toEqual({ position: head, docs: { docs: await folded() } });
      // ASOF_SNAPSHOT_EVERY is 1 here: one after each event of the view's types.
      expect(lookups).toEqual([head]);
      expect(saved.map((s) => s.position)).toEqual([1, 2, 3]);
    });

    it('told the ranges a query reads, answers those as without them, and refuses a read of any other', async () => {
      const { snapshots } = memorySnapshots();
      const { reader } = readerOf([], { snapshots });
      const other = { prefix: 'count|5001' };
      const views = await reader.at({ asOfPosition: head }, [counts], {}, () => [{ projection: counts, range }]);
      expect(await views.read(counts, range)).toEqual({ position: head, docs: await folded() });
      await expect(views.read(counts, other)).rejects.toThrow(/office_counts view was read in .*count\|5001.*not among the reads/);
      await expect(views.readForThread(counts, { from: 'count|0314' })).rejects.toThrow(/not among the reads/);
    });

    it('marks the answer with the events a view left out', async () => {
      const failing: AnyProjection = {
        ...counts,
        evolve: (rows, event) => {
          counts.evolve(rows, event);
          if (event.position === 2) throw new Error('cannot count');
        },
      };
      const { snapshots } = memorySnapshots();
      const { reader } = readerOf([], { snapshots, projection: failing });
      const views = await reader.at({ asOfPosition: head }, [failing], office);
      expect(views.marks).toMatchObject({ asOfPosition: head, parkedEvents: [{ view: counts.name, position: 2 }] });
    });
  });
});
