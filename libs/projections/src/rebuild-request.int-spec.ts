import { ensureCheckpoints, requestRebuild } from './progress.js';
import { CHECKPOINTS, REBUILDS } from './projection-tables.js';
import { ProjectionTestBed } from './testing/projection-test-bed.js';

/** Asking for a rebuild, on PostgreSQL: when a new version asks, and when an admin does. */
describe('a rebuild request', () => {
  let bed: ProjectionTestBed;
  const name = 'event_counts';

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('rebuild_request', [name]);
    await ensureCheckpoints(bed.dataSource, [{ name, version: 1 }]);
  });
  afterAll(async () => {
    await bed.close();
  });
  beforeEach(async () => {
    await bed.dataSource.query(`DELETE FROM ${REBUILDS}`);
  });

  const rebuilds = async () => (await bed.dataSource.query(`SELECT name, version FROM ${REBUILDS}`)) as { name: string; version: number }[];
  const setLiveVersion = (version: number) =>
    bed.dataSource.query(`UPDATE ${CHECKPOINTS} SET version = $2 WHERE name = $1`, [name, version]);

  it('from a newer version starts a rebuild while the live view is older', async () => {
    await setLiveVersion(1);
    await requestRebuild(bed.dataSource, name, 2, { restartFailed: false, ifLiveOlder: true });
    expect(await rebuilds()).toEqual([{ name, version: 2 }]);
  });

  it('from a newer version starts none once a swap has made the live view that version', async () => {
    // The live job read version 1, then a swap to 2 committed and deleted the rebuild row.
    await setLiveVersion(2);
    await requestRebuild(bed.dataSource, name, 2, { restartFailed: false, ifLiveOlder: true });
    expect(await rebuilds()).toEqual([]);
  });

  it('from an admin rebuilds the live version itself', async () => {
    await setLiveVersion(2);
    await requestRebuild(bed.dataSource, name, 2, { restartFailed: true });
    expect(await rebuilds()).toEqual([{ name, version: 2 }]);
  });
});
