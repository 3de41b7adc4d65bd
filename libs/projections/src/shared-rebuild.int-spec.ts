import type { EventStore, ReadAllOptions } from '@app/event-store';
import { foldInMemory } from './in-memory-fold.js';
import type { Projection } from './projection.js';
import { countingProjection, type Count } from './testing/counting-projection.js';
import { ProjectionTestBed, eventually, gate } from './testing/projection-test-bed.js';

const counts = countingProjection();
// A second view over other types, so the shared read feeds projections that want different events.
const notes: Projection<Count> = countingProjection({ name: 'note_counts', eventTypes: ['NoteWritten', 'ContactRecorded'] });

describe('rebuilding several projections at once with large batches', () => {
  let bed: ProjectionTestBed;

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('projection_shared_rebuild', [counts.name, notes.name]);
  });

  afterAll(async () => {
    await bed.close();
  });

  it('reads the log once for both, and each swapped-in view equals a replay of every event', async () => {
    await bed.append(2500);
    // Counts the events the engine reads with readAll to fold them (rebuilds read the log that way; live jobs
    // subscribe). Status reads up to the head to count a view's lag (`toPosition`): not a read to fold.
    let eventsRead = 0;
    const counted = new Proxy(bed.store, {
      get(target, property) {
        if (property === 'readAll') {
          return async (options?: ReadAllOptions) => {
            const events = await target.readAll(options);
            if (options?.toPosition === undefined) eventsRead += events.length;
            return events;
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as EventStore;
    // Each rebuild commits after its first read and waits there for the other: on a busy machine one could otherwise
    // be done (or far ahead) before the other starts, and then reading the log twice is right.
    const firstCommits = { [counts.name]: gate(), [notes.name]: gate() };
    const inStep = async ({ projection, track }: { projection: string; track: string }) => {
      if (track !== 'rebuild') return;
      firstCommits[projection]!.open();
      await Promise.all(Object.values(firstCommits).map((g) => g.opened));
    };
    const engine = await bed.engine([counts, notes], {
      maxRebuildsPerInstance: 2,
      rebuildBatchSize: 500,
      rebuildWindowEvents: 200,
      eventStore: counted,
      beforeCommit: inStep,
    });
    await engine.start();
    await engine.waitForPosition(counts.name, bed.lastAppended, 20_000);
    await engine.waitForPosition(notes.name, bed.lastAppended, 20_000);

    eventsRead = 0;
    expect((await engine.rebuild(counts.name)).rebuild).not.toBeNull();
    expect((await engine.rebuild(notes.name)).rebuild).not.toBeNull();
    await bed.append(300, ['0314']);
    await eventually('both swaps', async () => (await engine.status()).every((s) => s.rebuild === null));
    // Each rebuild folded the whole log, yet it was read about once: one reader per rebuild reads it twice.
    // (Held at its first commit, the other rebuild may have read up to three reads ahead; the later one
    // reads what it missed by itself.)
    const logLength = bed.lastAppended;
    expect(eventsRead).toBeGreaterThanOrEqual(2500);
    expect(eventsRead).toBeLessThan(2 * logLength);
    expect(await engine.waitForPosition(counts.name, bed.lastAppended, 20_000)).toBe(true);
    expect(await engine.waitForPosition(notes.name, bed.lastAppended, 20_000)).toBe(true);

    const events = await bed.allEvents();
    expect((await engine.loadDocs(counts)).docs).toEqual(foldInMemory(counts, events));
    expect((await engine.loadDocs(notes)).docs).toEqual(foldInMemory(notes, events));
    expect((await engine.verify(counts.name)).equal).toBe(true);
    expect((await engine.verify(notes.name)).equal).toBe(true);
  });
});
