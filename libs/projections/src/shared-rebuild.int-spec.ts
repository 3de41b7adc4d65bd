import { foldInMemory } from './in-memory-fold.js';
import type { Projection } from './projection.js';
import { countingProjection, type Count } from './testing/counting-projection.js';
import { ProjectionTestBed, eventually } from './testing/projection-test-bed.js';

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
    const engine = await bed.engine([counts, notes], { maxRebuildsPerInstance: 2, rebuildBatchSize: 1000 });
    await engine.start();
    await engine.waitForPosition(counts.name, bed.lastAppended, 20_000);
    await engine.waitForPosition(notes.name, bed.lastAppended, 20_000);

    await engine.rebuild(counts.name);
    await engine.rebuild(notes.name);
    await bed.append(300, ['0314']);
    await eventually('both swaps', async () => (await engine.status()).every((s) => s.rebuild === null));
    expect(await engine.waitForPosition(counts.name, bed.lastAppended, 20_000)).toBe(true);
    expect(await engine.waitForPosition(notes.name, bed.lastAppended, 20_000)).toBe(true);

    const events = await bed.allEvents();
    expect((await engine.loadDocs(counts)).docs).toEqual(foldInMemory(counts, events));
    expect((await engine.loadDocs(notes)).docs).toEqual(foldInMemory(notes, events));
    expect((await engine.verify(counts.name)).equal).toBe(true);
    expect((await engine.verify(notes.name)).equal).toBe(true);
  });
});
