import { startStoppablePostgres, type StoppablePostgres } from '@app/testing';
import { foldInMemory } from './in-memory-fold.js';
import { countingProjection, countsOf, directCounts } from './testing/counting-projection.js';
import { ProjectionTestBed, eventually } from './testing/projection-test-bed.js';

const counts = countingProjection({ name: 'server_crash_counts' });

/**
 * Batches commit without waiting for the disk (batch-commit.ts), so a crash of the server itself,
 * not of a runner, may lose the last of them: this is where that must cost nothing but a second fold.
 */
describe('a PostgreSQL server that crashes while a view commits batches', () => {
  let server: StoppablePostgres;
  let bed: ProjectionTestBed;

  beforeAll(async () => {
    server = await startStoppablePostgres();
    bed = await ProjectionTestBed.create('projection_server_crash', [counts.name], server.url);
  });

  afterAll(async () => {
    await bed.close();
    await server.destroy();
  });

  it('loses at most whole batches: the engine goes on by itself from the checkpoint it finds and equals a replay', async () => {
    await bed.append(600);
    const engine = await bed.engine([counts], { batchSize: 20 });
    await engine.start();
    // Appends and batches under way when the server goes down.
    const appending = bed.append(3000).catch(() => undefined);
    const atCrash = await eventually('batches committed', async () => {
      const { position } = await engine.statusOf(counts.name);
      return position > 900 && position;
    });
    await server.stopImmediately();
    await appending;
    await server.start();

    const head = await eventually('the store after recovery', async () => bed.store.headPosition().catch(() => undefined));
    // The view was still folding when the server went down.
    expect(head).toBeGreaterThan(atCrash);
    expect(await engine.waitForPosition(counts.name, head, 30_000)).toBe(true);
    const events = await bed.store.readAll({ toPosition: head });
    const { docs } = await engine.loadDocs(counts);
    expect(docs).toEqual(foldInMemory(counts, events));
    expect(countsOf(docs)).toEqual(directCounts(events));
    expect((await engine.statusOf(counts.name)).status).toBe('running');
  }, 90_000);
});
