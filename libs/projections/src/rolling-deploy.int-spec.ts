import { foldInMemory } from './in-memory-fold.js';
import type { Projection } from './projection.js';
import { countingProjection, type Count } from './testing/counting-projection.js';
import { ProjectionTestBed, eventually } from './testing/projection-test-bed.js';

const v1 = countingProjection();
/** The next release of the same view: it also counts notes. */
const v2: Projection<Count> = countingProjection({ version: 2, eventTypes: ['ContactRecorded', 'CaseEnrolled', 'NoteWritten'] });

describe('a rolling deploy: an old and a new instance on one database', () => {
  let bed: ProjectionTestBed;

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('projection_rolling_deploy', [v1.name]);
  });

  afterAll(async () => {
    await bed.close();
  });

  it('the old instance gives the live job up once the view is at the newer version, and the new one runs it', async () => {
    await bed.append(600);
    const old = await bed.engine([v1]);
    await old.start();
    expect(await old.waitForPosition(v1.name, bed.lastAppended, 20_000)).toBe(true);
    const upgraded = await bed.engine([v2]);
    await upgraded.start();
    expect((await upgraded.statusOf(v2.name)).role).toBe('standby');

    // The new instance rebuilds at version 2 (its own rebuild job) and swaps it in while the old one leads.
    await upgraded.rebuild(v2.name);
    await eventually('the version 2 swap', async () => (await upgraded.statusOf(v2.name)).liveVersion === 2);

    // The view keeps moving: the old live job, fenced by the swap at its next batch, gives the lock up.
    await bed.append(300, ['5701']);
    expect(await upgraded.waitForPosition(v2.name, bed.lastAppended, 20_000)).toBe(true);
    expect((await upgraded.statusOf(v2.name)).role).toBe('leader');
    expect((await old.statusOf(v1.name)).role).toBe('standby');
    expect((await upgraded.loadDocs(v2)).docs).toEqual(foldInMemory(v2, await bed.allEvents()));
    // …and the old instance, still running, does not take the job back.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await upgraded.statusOf(v2.name)).role).toBe('leader');
  });
});

describe('a rolling deploy while events keep coming', () => {
  let bed: ProjectionTestBed;

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('projection_rolling_busy', [v1.name]);
  });

  afterAll(async () => {
    await bed.close();
  });

  it('the new instance asks for its rebuild while the old one leads, which keeps its table moving, and the rebuild swaps in', async () => {
    await bed.append(600);
    const settings = { retryIntervalMs: 100, rebuildBatchSize: 50, rebuildWindowEvents: 50 };
    const old = await bed.engine([v1], settings);
    await old.start();
    expect(await old.waitForPosition(v1.name, bed.lastAppended, 20_000)).toBe(true);
    // Each rebuild window takes a moment: the rebuild of these few hundred events spans several appends
    // even on a fast machine, so the old instance is seen keeping its table current meanwhile.
    const slowWindows = async ({ track }: { track: string }) => {
      if (track === 'rebuild') await new Promise((resolve) => setTimeout(resolve, 30));
    };
    const upgraded = await bed.engine([v2], { ...settings, beforeCommit: slowWindows });
    await upgraded.start();

    // No explicit rebuild: the new instance asks for it although it does not hold the live job.
    let appending = true;
    const positions: number[] = [];
    const appends = (async () => {
      while (appending) {
        await bed.append(5);
        positions.push((await old.statusOf(v1.name)).position);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    try {
      await eventually(
        'the version 2 swap while events keep coming',
        async () => (await upgraded.statusOf(v2.name)).liveVersion === 2,
        60_000,
      );
    } finally {
      appending = false;
      await appends;
    }
    // Until the swap the old instance led and kept its table current.
    expect(new Set(positions).size).toBeGreaterThan(1);
    expect(await upgraded.waitForPosition(v2.name, bed.lastAppended, 20_000)).toBe(true);
    expect((await upgraded.statusOf(v2.name)).role).toBe('leader');
    expect((await old.statusOf(v1.name)).role).toBe('standby');
    expect((await upgraded.loadDocs(v2)).docs).toEqual(foldInMemory(v2, await bed.allEvents()));
  });
});

describe('a rolling deploy on a quiet log', () => {
  let bed: ProjectionTestBed;

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('projection_rolling_quiet', [v1.name]);
  });

  afterAll(async () => {
    await bed.close();
  });

  it('the old instance gives the live job up at its next round after the swap, with no event to fence it', async () => {
    await bed.append(300);
    const old = await bed.engine([v1]);
    await old.start();
    expect(await old.waitForPosition(v1.name, bed.lastAppended, 20_000)).toBe(true);
    const upgraded = await bed.engine([v2]);
    await upgraded.start();
    await upgraded.rebuild(v2.name);
    await eventually('the version 2 swap', async () => (await upgraded.statusOf(v2.name)).liveVersion === 2);

    // Nothing is appended: the old live job waits for events that do not come, and only its engine's
    // round can give it up, for the new instance to take it.
    await eventually('the new instance leads', async () => (await upgraded.statusOf(v2.name)).role === 'leader');
    expect((await old.statusOf(v1.name)).role).toBe('standby');
    // The swap may come short of the head by its gap: the new live job folds the rest.
    expect(await upgraded.waitForPosition(v2.name, bed.lastAppended, 20_000)).toBe(true);
    expect((await upgraded.loadDocs(v2)).docs).toEqual(foldInMemory(v2, await bed.allEvents()));
  });
});
