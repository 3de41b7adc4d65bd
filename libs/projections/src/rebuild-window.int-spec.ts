import type { RecordedEvent } from '@app/event-store';
import { foldInMemory } from './in-memory-fold.js';
import type { Projection } from './projection.js';
import type { ProjectionEngineOptions } from './projection-engine.js';
import { ProjectionTestBed, eventually } from './testing/projection-test-bed.js';

/** Rows that many windows touch, that are deleted and made again, and that grow: what a cache can get wrong. */
interface Bucket {
  events: number;
  ns: number[];
}

const numberOf = (event: RecordedEvent) => (event.data as { n: number }).n;
const bucketKey = (event: RecordedEvent) => `b|${event.metadata.officeNumber}|${numberOf(event) % 7}`;

const buckets: Projection<Bucket> = {
  name: 'buckets',
  version: 1,
  eventTypes: ['ContactRecorded', 'CaseEnrolled', 'NoteWritten'],
  keysOf: (event) => [bucketKey(event)],
  evolve: (rows, event) => {
    const key = bucketKey(event);
    if (numberOf(event) % 11 === 0) return rows.delete(key);
    const bucket = rows.get(key) ?? { events: 0, ns: [] };
    bucket.events += 1;
    bucket.ns.push(numberOf(event));
    rows.set(key, bucket);
  },
};

describe('a rebuild folding windows of several reads', () => {
  let bed: ProjectionTestBed;

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('projection_rebuild_window', [buckets.name]);
    await bed.append(2000);
  });

  afterAll(async () => {
    await bed.close();
  });

  /** Rebuilds with these options; answers each rebuild commit's position, and the checkpoint seen from outside as it committed. */
  async function rebuildWith(
    options: Partial<ProjectionEngineOptions>,
  ): Promise<{ commits: number[]; seen: { rows: number; progress: number }[] }> {
    await bed.stopEngines();
    const commits: number[] = [];
    const seen: { rows: number; progress: number }[] = [];
    const engine = await bed.engine([buckets], {
      rebuildBatchSize: 150,
      rebuildWindowEvents: 700,
      ...options,
      beforeCommit: async (batch, tx) => {
        if (batch.track === 'rebuild') {
          commits.push(batch.position);
          seen.push(await bed.seenFromOutside(buckets.name, 'rebuild'));
        }
        await options.beforeCommit?.(batch, tx);
      },
    });
    await engine.start();
    expect(await engine.waitForPosition(buckets.name, bed.lastAppended, 20_000)).toBe(true);
    await engine.rebuild(buckets.name);
    await eventually('the swap', async () => (await engine.statusOf(buckets.name)).rebuild === null, 30_000);
    // The view below was rebuilt, not left as it was: windows of the rebuild track committed up to the head.
    expect(Math.max(...commits)).toBe(bed.lastAppended);
    // Before a window's COMMIT nothing of it shows: no committed shadow row is ahead of the rebuild's position.
    expect(seen.filter((s) => s.rows > s.progress)).toEqual([]);
    expect((await engine.loadDocs(buckets)).docs).toEqual(foldInMemory(buckets, await bed.allEvents()));
    expect((await engine.verify(buckets.name)).equal).toBe(true);
    return { commits, seen };
  }

  it('commits once per window, not per read, and the view equals a clean replay', async () => {
    const { commits } = await rebuildWith({ rebuildCacheBytes: 16 * 2 ** 20 });
    // 2000 events in windows of 700 (read 150 at a time): three commits where reads would make 14
    // (a read that keeps the window waiting 100 ms commits it sooner, so allow for a loaded machine).
    expect(commits.length).toBeLessThan(10);
    expect(commits.at(-1)).toBe(bed.lastAppended);
  });

  it('gives the same view when the cache can hold no row at all, so every window reads its rows back', async () => {
    await rebuildWith({ rebuildCacheBytes: 0 });
  });

  it('gives the same view when the cache evicts part way (a bound of a few rows)', async () => {
    await rebuildWith({ rebuildCacheBytes: 600, rebuildWindowEvents: 300 });
  });

  it('commits a window a slow read keeps waiting, but never an empty one: its position only moves on', async () => {
    // Each read of the log takes longer than a window waits for one, so every window is committed
    // with a single read in it, and a fresh window is empty while its first read is under way.
    const slowReads = new Proxy(bed.store, {
      get: (store, property) =>
        property === 'readAll'
          ? async (...args: Parameters<typeof store.readAll>) => {
              await new Promise((resolve) => setTimeout(resolve, 400));
              return store.readAll(...args);
            }
          : bindTo(store, Reflect.get(store, property)),
    });
    const { commits } = await rebuildWith({ eventStore: slowReads, rebuildBatchSize: 500, rebuildWindowEvents: 2000 });
    expect(commits.length).toBeGreaterThan(1);
    expect(commits.every((position, i) => i === 0 || position > commits[i - 1]!)).toBe(true);
  });

  it('lets the read under way when a full window caught up fail after the rebuild returned, not as an unhandled rejection', async () => {
    // Windows of one read each: the last one is committed as full, not after a wait for the next read, so
    // nothing but the rebuild's own cleanup catches that read. From its commit on, each read of the log to
    // fold hangs until the test fails it: the rebuild returns, and swaps in, while its next read is under way.
    // An unhandled rejection fails the test that runs (jest's own handler: a test's `process` is a copy, whose
    // listeners hear nothing), so the reads fail while this one waits.
    const failReads: ((error: Error) => void)[] = [];
    let hang = false;
    let hanging: () => void = () => undefined;
    const aReadHangs = new Promise<void>((resolve) => (hanging = resolve));
    const hangingReads = new Proxy(bed.store, {
      get: (store, property) =>
        property === 'readAll'
          ? (...args: Parameters<typeof store.readAll>) => {
              if (!hang || args[0]?.toPosition !== undefined) return store.readAll(...args);
              hanging();
              return new Promise<RecordedEvent[]>((_, reject) => failReads.push(reject));
            }
          : bindTo(store, Reflect.get(store, property)),
    });
    await rebuildWith({
      eventStore: hangingReads,
      rebuildBatchSize: 200,
      rebuildWindowEvents: 200,
      beforeCommit: async ({ track, position }) => {
        if (track !== 'rebuild' || position !== bed.lastAppended) return;
        hang = true;
        await aReadHangs;
      },
    });
    expect(failReads).toHaveLength(1);
    failReads[0]!(new Error('connection lost'));
    await new Promise((resolve) => setTimeout(resolve, 100));
  });

  it('meets a read of the log that failed while a window committed when it comes to it, not as an unhandled rejection', async () => {
    // Every read of the log to fold takes a while, and fails if it ends while the second window
    // commits: the rebuild asked for it before that commit and awaits it only after. Unhandled meanwhile,
    // the rejection would end the process (here: fail the test, by jest's own handler). Handled, the
    // rebuild's job fails, and is taken again from its last commit.
    let failing = false;
    let failed = 0;
    const slowFlakyReads = new Proxy(bed.store, {
      get: (store, property) =>
        property === 'readAll'
          ? async (...args: Parameters<typeof store.readAll>) => {
              if (args[0]?.toPosition !== undefined) return store.readAll(...args);
              await new Promise((resolve) => setTimeout(resolve, 150));
              if (!failing) return store.readAll(...args);
              failed++;
              throw new Error('connection lost');
            }
          : bindTo(store, Reflect.get(store, property)),
    });
    let windows = 0;
    await rebuildWith({
      eventStore: slowFlakyReads,
      // Windows of one read: each is committed as full, never on a wait for the next read, which
      // would await that read (and handle its failure) meanwhile.
      rebuildBatchSize: 200,
      rebuildWindowEvents: 200,
      retryIntervalMs: 200,
      beforeCommit: async ({ track }) => {
        if (track !== 'rebuild' || ++windows !== 2) return;
        failing = true;
        await new Promise((resolve) => setTimeout(resolve, 400));
        failing = false;
      },
    });
    expect(failed).toBeGreaterThan(0);
  });

  it('resumes from its last commit with a fresh cache after dying before a COMMIT, and equals a clean replay', async () => {
    let windows = 0;
    let crashedAt: number | undefined;
    const { commits, seen } = await rebuildWith({
      rebuildWindowEvents: 450,
      rebuildCacheBytes: 16 * 2 ** 20,
      beforeCommit: ({ track, position }) => {
        // The window's rows and the checkpoint are written, not committed: the worst moment to die.
        if (track === 'rebuild' && ++windows === 2) {
          crashedAt = position;
          throw new Error('crash before COMMIT');
        }
      },
    });
    expect(crashedAt).toBeGreaterThan(0);
    // The window after the crash was folded again from the last commit before it: that is where the
    // committed checkpoint stood while it committed. (Not "crashedAt was committed again": where a
    // window ends depends on how long each read takes, since one that keeps it waiting commits it.)
    const crash = commits.indexOf(crashedAt!);
    expect(crash).toBe(1);
    expect(seen[crash + 1]!.progress).toBe(commits[crash - 1]);
    expect(commits[crash + 1]).toBeGreaterThan(commits[crash - 1]!);
  });
});

const bindTo = (target: object, value: unknown) => (typeof value === 'function' ? value.bind(target) : value);
