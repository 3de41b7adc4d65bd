import pg from 'pg';
import type { QueryRunner } from 'typeorm';
import { ensureCheckpoints, readProgress, requestRebuild, type Progress } from './progress.js';
import { REBUILDS, projectionTables } from './projection-tables.js';
import { prepareShadow } from './rebuild-swap.js';
import { ProjectionTestBed } from './testing/projection-test-bed.js';

/**
 * A rebuild job empties the shadow table only for the rebuild it read at position 0. Between its
 * read and `prepareShadow` another instance may have taken the job over and folded into the shadow
 * (a lease lost during a pause), or an admin may have asked for another version: emptying the shadow
 * then would lose the rows the rebuild row says are there.
 */
describe('preparing the shadow table of a rebuild', () => {
  let bed: ProjectionTestBed;
  let runner: QueryRunner;
  const name = 'event_counts';
  const tables = projectionTables(name);
  const readAtStart: Progress = { version: 2, position: 0, status: 'rebuilding', errorPosition: null };

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('prepare_shadow', [name]);
    await ensureCheckpoints(bed.dataSource, [{ name, version: 1 }]);
    runner = bed.dataSource.createQueryRunner();
    await runner.connect();
  });
  afterAll(async () => {
    await runner.release();
    await bed.close();
  });
  beforeEach(async () => {
    await bed.dataSource.query(`DELETE FROM ${REBUILDS}`);
    await requestRebuild(bed.dataSource, name, 2, { restartFailed: false });
    // Rows another instance folded into the shadow.
    await bed.dataSource.query(`DROP TABLE IF EXISTS ${tables.shadow}`);
    await bed.dataSource.query(`CREATE TABLE ${tables.shadow} (LIKE ${tables.live} INCLUDING ALL)`);
    await bed.dataSource.query(`INSERT INTO ${tables.shadow} (key, doc, last_position) VALUES ('0314', '{}', 150)`);
  });

  const shadowRows = async () => Number((await bed.dataSource.query(`SELECT count(*) AS n FROM ${tables.shadow}`))[0].n);

  it('empties the shadow for the rebuild it was given, still at position 0', async () => {
    expect(await prepareShadow(runner, name, tables, readAtStart)).toBe(true);
    expect(await shadowRows()).toBe(0);
  });

  it.each([
    ['has moved on', `UPDATE ${REBUILDS} SET position = 200`],
    ['is for another version', `UPDATE ${REBUILDS} SET version = 3`],
    ['is gone (swapped or cancelled)', `DELETE FROM ${REBUILDS}`],
  ])('leaves the shadow alone when the rebuild %s', async (_, change) => {
    await bed.dataSource.query(change);
    expect(await prepareShadow(runner, name, tables, readAtStart)).toBe(false);
    expect(await shadowRows()).toBe(1);
  });

  it('waits for a transaction moving the rebuild on, and then leaves the shadow alone', async () => {
    const other = new pg.Client({ connectionString: bed.db.url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(`UPDATE ${REBUILDS} SET position = 200 WHERE name = $1`, [name]);
      const prepared = prepareShadow(runner, name, tables, readAtStart);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await other.query('COMMIT');
      expect(await prepared).toBe(false);
      expect(await shadowRows()).toBe(1);
      expect((await readProgress(bed.dataSource, 'rebuild', name))?.position).toBe(200);
    } finally {
      await other.end();
    }
  });
});
