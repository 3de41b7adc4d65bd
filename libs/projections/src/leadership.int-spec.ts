import { countingProjection, countsOf, directCounts } from './testing/counting-projection.js';
import { ProjectionTestBed } from './testing/projection-test-bed.js';

const counts = countingProjection();

describe('two instances running the same projections on one database', () => {
  let bed: ProjectionTestBed;

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('projection_leadership', [counts.name]);
  });

  afterAll(async () => {
    await bed.close();
  });

  it('count each event once, with exactly one of them leading', async () => {
    await bed.append(1500);
    const first = await bed.engine([counts]);
    const second = await bed.engine([counts]);
    await Promise.all([first.start(), second.start()]);
    // Events arriving while both run are counted once too.
    await bed.append(600, ['0314']);

    const head = bed.lastAppended;
    expect(await second.waitForPosition(counts.name, head, 20_000)).toBe(true);
    expect(countsOf((await second.loadDocs(counts)).docs)).toEqual(directCounts(await bed.allEvents()));
    const statuses = [await first.statusOf(counts.name), await second.statusOf(counts.name)];
    expect(statuses.map((s) => s.role).sort()).toEqual(['leader', 'standby']);
    expect(statuses.map((s) => s.status)).toEqual(['running', 'running']);

    // The leader goes away: the standby takes over from the checkpoint.
    const [leader, standby] = statuses[0]!.role === 'leader' ? [first, second] : [second, first];
    await leader.stop();
    await bed.append(300, ['5701']);
    const newHead = bed.lastAppended;
    expect(await standby.waitForPosition(counts.name, newHead, 20_000)).toBe(true);
    expect(countsOf((await standby.loadDocs(counts)).docs)).toEqual(directCounts(await bed.allEvents()));
    expect((await standby.statusOf(counts.name)).role).toBe('leader');
    expect((await leader.statusOf(counts.name)).role).toBe('stopped');
  });

  it('reports the projection stopped once no instance runs it', async () => {
    await bed.stopEngines();
    const observer = await bed.engine([counts]);
    expect(await observer.statusOf(counts.name)).toMatchObject({ status: 'stopped', role: 'stopped' });
  });
});
