import { foldInMemory } from './in-memory-fold.js';
import type { Projection } from './projection.js';
import { countingProjection, countsOf, type Count } from './testing/counting-projection.js';
import { ProjectionTestBed, eventually } from './testing/projection-test-bed.js';

describe('an event that throws in evolve', () => {
  let bed: ProjectionTestBed;

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('projection_failure', ['event_counts']);
  });

  afterAll(async () => {
    await bed.close();
  });

  it('stops the projection with that event position and error, committing nothing of its batch', async () => {
    const events = await bed.append(900, ['0314']);
    const poison = events.find((e) => e.type === 'CaseEnrolled' && e.position > 450)!;
    const failing = failingAt(poison.position, 1);
    const engine = await bed.engine([failing]);
    await engine.start();

    const status = await eventually('the failure', async () => {
      const s = await engine.statusOf(failing.name);
      return s.status === 'failed' && s;
    });
    expect(status.error).toEqual({
      position: poison.position,
      message: `event_counts: CaseEnrolled at position ${poison.position} failed: cannot count ${poison.position}`,
    });
    // Batches of 200: everything before the poisoned batch, nothing of it.
    const batchStart = events[Math.floor(events.indexOf(poison) / 200) * 200]!.position;
    expect(status.position).toBe(batchStart - 1);
    const { docs } = await engine.loadDocs(failing);
    expect(countsOf(docs)).toEqual(countsOf(foldInMemory(failing, events.filter((e) => e.position < batchStart))));
    expect(await engine.waitForPosition(failing.name, poison.position)).toBe(false);
  });

  it('is retried once by a newly started instance, and cured by a fixed version', async () => {
    await bed.stopEngines();
    // Say the code changed without a version bump: it now fails later, which shows the retry ran.
    const later = (await bed.allEvents()).find((e) => e.type === 'CaseEnrolled' && e.position > 640)!.position;
    const retried = await bed.engine([failingAt(later, 1)]);
    await retried.start();
    const status = await eventually('the retry to fail further on', async () => {
      const s = await retried.statusOf('event_counts');
      return s.error?.position === later && s;
    });
    expect(status).toMatchObject({ status: 'failed', position: 600 });

    await bed.stopEngines();
    const fixed = countingProjection({ version: 2 });
    const engine = await bed.engine([fixed]);
    await engine.start();
    await eventually('the fixed version live', async () => (await engine.statusOf(fixed.name)).liveVersion === 2);
    expect(await engine.waitForPosition(fixed.name, bed.lastAppended)).toBe(true);
    expect(await engine.statusOf(fixed.name)).toMatchObject({ status: 'running', error: null, rebuild: null });
    expect((await engine.loadDocs(fixed)).docs).toEqual(foldInMemory(fixed, await bed.allEvents()));
  });
});

/** Counts events, but throws on the event at `position`. */
function failingAt(position: number, version: number): Projection<Count> {
  const counts = countingProjection({ version });
  return {
    ...counts,
    evolve: (rows, event) => {
      if (event.position === position) throw new Error(`cannot count ${position}`);
      counts.evolve(rows, event);
    },
  };
}
