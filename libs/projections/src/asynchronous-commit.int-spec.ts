import { countingProjection } from './testing/counting-projection.js';
import { ProjectionTestBed, eventually } from './testing/projection-test-bed.js';

const counts = countingProjection({ name: 'async_commit_counts' });

describe("a view's batches commit without waiting for the disk", () => {
  let bed: ProjectionTestBed;

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('projection_async_commit', [counts.name]);
  });

  afterAll(async () => {
    await bed.close();
  });

  it('in every live and rebuild transaction, and only there: the pool keeps the server setting', async () => {
    const settings = { live: new Set<string>(), rebuild: new Set<string>() };
    const engine = await bed.engine([counts], {
      // The bed's own pool, so that its connections can be looked at once the jobs have let them go.
      dataSource: bed.dataSource,
      rebuildBatchSize: 100,
      rebuildWindowEvents: 300,
      beforeCommit: async (batch, tx) => {
        const [row] = (await tx.query(`SELECT current_setting('synchronous_commit') AS setting`)) as { setting: string }[];
        settings[batch.track].add(row!.setting);
      },
    });
    await bed.append(400);
    await engine.start();
    expect(await engine.waitForPosition(counts.name, bed.lastAppended, 20_000)).toBe(true);
    await engine.rebuild(counts.name);
    await eventually('the swap', async () => (await engine.statusOf(counts.name)).rebuild === null, 30_000);
    await bed.append(50);
    expect(await engine.waitForPosition(counts.name, bed.lastAppended, 20_000)).toBe(true);
    await bed.stopEngines();

    expect(settings).toEqual({ live: new Set(['off']), rebuild: new Set(['off']) });
    // Every connection the jobs used is back in the pool: none may carry the setting to an append.
    const pooled = await Promise.all(
      Array.from({ length: 10 }, () => bed.dataSource.query(`SELECT current_setting('synchronous_commit') AS setting, pg_sleep(0.05)`)),
    );
    expect(new Set(pooled.map((rows) => (rows as { setting: string }[])[0]!.setting))).toEqual(new Set(['on']));
  });
});
