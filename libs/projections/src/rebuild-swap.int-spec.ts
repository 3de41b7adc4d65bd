import pg from 'pg';
import type { QueryRunner } from 'typeorm';
import { ensureCheckpoints, readProgress, requestRebuild, type Progress } from './progress.js';
import { CHECKPOINTS, REBUILDS, projectionTables } from './projection-tables.js';
import { prepareShadow, trySwap } from './rebuild-swap.js';
import { ProjectionTestBed } from './testing/projection-test-bed.js';

/**
 * The two steps of a rebuild that touch the tables themselves, each against what another
 * transaction may do to the progress rows at the same moment: another instance that took the
 * rebuild over, an admin asking for another version, a live batch moving the checkpoint.
 */
describe('a rebuild making and swapping in its shadow table', () => {
  let bed: ProjectionTestBed;
  let runner: QueryRunner;
  let other: pg.Client;
  const name = 'event_counts';
  const tables = projectionTables(name);

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('rebuild_swap', [name]);
    await ensureCheckpoints(bed.dataSource, [{ name, version: 1 }]);
    runner = bed.dataSource.createQueryRunner();
    await runner.connect();
  });
  afterAll(async () => {
    await runner.release();
    await bed.close();
  });
  beforeEach(async () => {
    other = new pg.Client({ connectionString: bed.db.url });
    await other.connect();
    await bed.dataSource.query(`DELETE FROM ${REBUILDS}`);
    // A shadow another instance folded a row into.
    await bed.dataSource.query(`DROP TABLE IF EXISTS ${tables.shadow}`);
    await bed.dataSource.query(`CREATE TABLE ${tables.shadow} (LIKE ${tables.live} INCLUDING ALL)`);
    await bed.dataSource.query(`INSERT INTO ${tables.shadow} (key, doc, last_position) VALUES ('0314', '{"rebuilt":true}', 150)`);
  });
  afterEach(async () => {
    await other.end();
  });

  const shadowRows = async () => Number((await bed.dataSource.query(`SELECT count(*) AS n FROM ${tables.shadow}`))[0].n);
  /** Another transaction makes these changes and holds them until `commit`. */
  const holding = async (...changes: string[]) => {
    await other.query('BEGIN');
    for (const change of changes) await other.query(change);
    return { commit: () => other.query('COMMIT') };
  };
  const aMoment = () => new Promise((resolve) => setTimeout(resolve, 300));

  /**
   * A rebuild job empties the shadow only for the rebuild it read at position 0. Between its read
   * and `prepareShadow` another instance may have taken the job over and folded into the shadow (a
   * lease lost during a pause), or an admin may have asked for another version: emptying the shadow
   * then would lose the rows the rebuild row says are there.
   */
  describe('prepareShadow', () => {
    const readAtStart: Progress = { version: 2, position: 0, status: 'rebuilding', errorPosition: null };
    beforeEach(async () => {
      await requestRebuild(bed.dataSource, name, 2, { restartFailed: false });
    });

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
      const moving = await holding(`UPDATE ${REBUILDS} SET position = 200`);
      const prepared = prepareShadow(runner, name, tables, readAtStart);
      await aMoment();
      await moving.commit();
      expect(await prepared).toBe(false);
      expect(await shadowRows()).toBe(1);
      expect((await readProgress(bed.dataSource, 'rebuild', name))?.position).toBe(200);
    });
  });

  /**
   * The swap reads both progress rows under their locks, in the order live batches take them, and
   * decides from what they hold once no other transaction is changing them.
   */
  describe('trySwap', () => {
    const rebuildAt: Progress = { version: 2, position: 100, status: 'rebuilding', errorPosition: null };
    const setLive = (version: number, position: number) =>
      bed.dataSource.query(`UPDATE ${CHECKPOINTS} SET version = $2, position = $3 WHERE name = $1`, [name, version, position]);
    const liveRows = async () =>
      (await bed.dataSource.query(`SELECT key, doc FROM ${tables.live} ORDER BY key`)) as { key: string; doc: unknown }[];
    const swapped = [{ key: '0314', doc: { rebuilt: true } }];

    beforeEach(async () => {
      await bed.dataSource.query(`DELETE FROM ${tables.live}`);
      await bed.dataSource.query(`INSERT INTO ${tables.live} (key, doc, last_position) VALUES ('0314', '{"rebuilt":false}', 90)`);
      await bed.dataSource.query(`INSERT INTO ${REBUILDS} (name, version, position) VALUES ($1, 2, 100)`, [name]);
    });

    it.each([
      ['the same version, at the live position', 2, 100],
      ['a new version, up to one read behind the live view', 1, 300],
    ])('swaps in a rebuild of %s', async (_, liveVersion, livePosition) => {
      await setLive(liveVersion, livePosition);
      expect(await trySwap(runner, name, tables, rebuildAt, 200)).toBe('swapped');
      expect(await liveRows()).toEqual(swapped);
      expect(await readProgress(bed.dataSource, 'live', name)).toMatchObject({ version: 2, position: 100 });
      expect(await readProgress(bed.dataSource, 'rebuild', name)).toBeUndefined();
    });

    it.each([
      ['the same version, short of the live position', 2, 101],
      ['a new version, more than one read behind', 1, 301],
    ])('answers behind for a rebuild of %s, and leaves the live view as it was', async (_, liveVersion, livePosition) => {
      await setLive(liveVersion, livePosition);
      expect(await trySwap(runner, name, tables, rebuildAt, 200)).toBe('behind');
      expect(await liveRows()).toEqual([{ key: '0314', doc: { rebuilt: false } }]);
      expect(await shadowRows()).toBe(1);
    });

    it('swaps in no shadow that lacks an index of the live table, and passes on an error that is not a lock timeout', async () => {
      await setLive(2, 100);
      await bed.dataSource.query(`CREATE INDEX projection_event_counts_by_office ON ${tables.live} ((doc ->> 'office'))`);
      try {
        expect(await trySwap(runner, name, tables, rebuildAt, 200)).toBe('unindexed');
        expect(await liveRows()).toEqual([{ key: '0314', doc: { rebuilt: false } }]);
      } finally {
        await bed.dataSource.query('DROP INDEX projection_event_counts_by_office');
      }
      // Something else that holds on to the live table, such as a database view made on it by hand.
      await bed.dataSource.query(`CREATE VIEW contacts_by_hand AS SELECT key FROM ${tables.live}`);
      try {
        await expect(trySwap(runner, name, tables, rebuildAt, 200)).rejects.toThrow(/other objects depend on it/);
      } finally {
        await bed.dataSource.query('DROP VIEW contacts_by_hand');
      }
      expect(await liveRows()).toEqual([{ key: '0314', doc: { rebuilt: false } }]);
    });

    it.each([
      ['moved on by another instance that took the job over', 2, 150],
      ['asked for at another version, at the same position', 3, 100],
    ])('swaps in nothing of a rebuild %s since this one read it', async (_, version, position) => {
      await setLive(1, 100);
      await bed.dataSource.query(`UPDATE ${REBUILDS} SET version = $2, position = $3 WHERE name = $1`, [name, version, position]);
      expect(await trySwap(runner, name, tables, rebuildAt, 200)).toBe('fenced');
      expect(await liveRows()).toEqual([{ key: '0314', doc: { rebuilt: false } }]);
      expect(await readProgress(bed.dataSource, 'rebuild', name)).toMatchObject({ version, position });
    });

    it('waits for a live batch moving the checkpoint, and then finds the rebuild behind', async () => {
      await setLive(2, 100);
      // A live batch: it holds the checkpoint row and has written to the live table.
      const batch = await holding(
        `UPDATE ${CHECKPOINTS} SET position = 120 WHERE name = '${name}'`,
        `UPDATE ${tables.live} SET last_position = 120`,
      );
      const swap = trySwap(runner, name, tables, rebuildAt, 200);
      await aMoment();
      await batch.commit();
      expect(await swap).toBe('behind');
      expect(await readProgress(bed.dataSource, 'live', name)).toMatchObject({ version: 2, position: 120 });
    });

    it('waits for an admin asking for another version, and then swaps nothing in', async () => {
      await setLive(1, 100);
      const request = await holding(`UPDATE ${REBUILDS} SET version = 3, position = 0 WHERE name = '${name}'`);
      const swap = trySwap(runner, name, tables, rebuildAt, 200);
      await aMoment();
      await request.commit();
      expect(await swap).toBe('fenced');
      expect(await readProgress(bed.dataSource, 'rebuild', name)).toMatchObject({ version: 3, position: 0 });
      expect(await liveRows()).toEqual([{ key: '0314', doc: { rebuilt: false } }]);
    });
  });
});
