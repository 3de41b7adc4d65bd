import { InMemoryEventStore, officeOfStream, officeStream } from '@app/event-store';
import { foldInMemory, type AnyProjection, type LoadedDocs, type ProjectionEngine } from '@app/projections';
import type { RuntimeConfig } from '../../config/runtime-config.js';
import { MetricsRegistry } from '../metrics/metrics-registry.js';
import type { ReplaySnapshotStore } from './snapshots/replay-snapshot-store.js';
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

/**
 * A read with `minPosition` of a table behind it: the reader waits for the view, then reads the table
 * again. Another instance may have swapped its release of the view in meanwhile (a rolling deploy),
 * and the table's docs are then not this release's: the answer must come from this release's fold.
 * The engine here is a stand-in whose table changes version during the wait, a race no test of
 * the whole app can make happen on purpose.
 */
describe('ViewReader, a live read that waits for minPosition', () => {
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

  /** A reader whose view's table is behind at first, and at `versionAfterWait` once waited for. */
  function readerWith(versionAfterWait: number, reached = true): ViewReader {
    const loads: LoadedDocs<unknown>[] = [
      { position: 1, version: 2, docs: tableDocs() },
      { position: head, version: versionAfterWait, docs: tableDocs() },
    ];
    const engine = {
      projection: () => counts,
      loadDocs: async () => loads.shift()!,
      waitForPosition: async () => reached,
    } as unknown as ProjectionEngine;
    const config = { asOfReplaysMax: 2, asOfSnapshotEvery: 2000 } as RuntimeConfig;
    return new ViewReader(engine, store, config, {} as ReplaySnapshotStore, new MetricsRegistry());
  }

  it('answers from the table when it is still at this release after the wait', async () => {
    const views = await readerWith(2).at({ minPosition: head }, [counts], { office: '0314' });
    expect(await views.read(counts, { prefix: 'count|0314' })).toEqual({ position: head, docs: tableDocs() });
  });

  it("answers from this release's fold when another release swapped its table in during the wait", async () => {
    const views = await readerWith(3).at({ minPosition: head }, [counts], { office: '0314' });
    const folded = foldInMemory(counts, await store.readAll());
    expect(await views.read(counts, { prefix: 'count|0314' })).toEqual({ position: head, docs: folded });
    expect(folded).toEqual(new Map([['count|0314', { events: 3 }]]));
  });

  it('refuses with ViewNotReady (503) when the view does not reach minPosition in time, rather than answer from behind it', async () => {
    const views = await readerWith(2, false).at({ minPosition: head }, [counts], { office: '0314' });
    await expect(views.read(counts, { prefix: 'count|0314' })).rejects.toThrow(ViewNotReady);
  });
});
