import { CHECKPOINTS, REBUILDS, projectionTables } from './projection-tables.js';
import { ProjectionJobs } from './projection-jobs.js';
import { CheckpointMoves } from './checkpoint-moves.js';
import { LiveLogReader } from './live-log-reader.js';
import { SharedLogReader } from './shared-log-reader.js';
import { countingProjection } from './testing/counting-projection.js';
import { ProjectionTestBed } from './testing/projection-test-bed.js';

/**
 * A job as it starts: the engine's round took it for a table (or a rebuild) of this instance's
 * version, but a swap, another instance's deploy or an admin may have changed the version before the
 * job read its progress row. The job must then leave the table alone: it would fold with code the
 * table was not built by.
 */
describe('a job that finds the view, or the rebuild asked for, at another version than its own', () => {
  let bed: ProjectionTestBed;
  const name = 'event_counts';
  const thisRelease = countingProjection({ version: 2 });

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('projection_jobs', [name]);
    await bed.append(100);
  });
  afterAll(async () => {
    await bed.close();
  });
  beforeEach(async () => {
    await bed.dataSource.query(`DELETE FROM ${REBUILDS}`);
    await bed.dataSource.query(`DELETE FROM ${CHECKPOINTS}`);
  });

  /** Runs a job of version 2 once, on a view whose checkpoint is at `tableVersion`. */
  async function runJob(tableVersion: number, track: 'live' | 'rebuild' = 'live') {
    await bed.dataSource.query(`INSERT INTO ${CHECKPOINTS} (name, version, position, status) VALUES ($1, $2, 40, 'stopped')`, [
      name,
      tableVersion,
    ]);
    const logged: string[] = [];
    let wakes = 0;
    const stop = new AbortController();
    const jobs = new ProjectionJobs(thisRelease, {
      dataSource: bed.dataSource,
      batchSize: 50,
      rebuildBatchSize: 50,
      rebuildWindowEvents: 50,
      rebuildWindowBytes: 2 ** 20,
      rebuildCacheBytes: 0,
      liveCacheBytes: 2 ** 20,
      liveReader: new LiveLogReader(bed.store, 50, 0),
      checkpointMoves: new CheckpointMoves(),
      rebuildReader: new SharedLogReader(bed.store, 50),
      retryIntervalMs: 100,
      logger: { log: (message) => logged.push(message), warn: (message) => logged.push(message), error: (message) => logged.push(message) },
      signal: stop.signal,
      wake: () => wakes++,
      committed: () => undefined,
    });
    await jobs.tryTake(track);
    // A job that kept following would end only when stopped: stop it after a while (long enough for a loaded
    // machine to give up a job: a few queries), and say so.
    const kept = setTimeout(() => stop.abort(), 10_000);
    await jobs.stopped();
    const keptFollowing = stop.signal.aborted;
    clearTimeout(kept);
    stop.abort();
    const [checkpoint] = await bed.dataSource.query(`SELECT version, position::int, status FROM ${CHECKPOINTS} WHERE name = $1`, [name]);
    const rebuilds = await bed.dataSource.query(`SELECT name, version, position::int FROM ${REBUILDS}`);
    return { keptFollowing, logged, wakes, checkpoint, rebuilds };
  }

  it('an older version: gives the job up at once and asks for a rebuild at its own version', async () => {
    const job = await runJob(1);
    expect(job.keptFollowing).toBe(false);
    expect(job.logged).toContain(`${name}: the view is at version 1, not 2: gave the live job up`);
    // The older table is left as the older instances of a rolling deploy keep it.
    expect(job.checkpoint).toEqual({ version: 1, position: 40, status: 'stopped' });
    expect(job.rebuilds).toEqual([{ name, version: 2, position: 0 }]);
    expect(job.wakes).toBe(1);
  });

  it("a newer version: gives the job up at once and asks for nothing, the table being the newer instances'", async () => {
    const job = await runJob(3);
    expect(job.keptFollowing).toBe(false);
    expect(job.logged).toContain(`${name}: the view is at version 3, not 2: gave the live job up`);
    expect(job.checkpoint).toEqual({ version: 3, position: 40, status: 'stopped' });
    expect(job.rebuilds).toEqual([]);
    expect(job.wakes).toBe(0);
  });

  it('a rebuild job for a rebuild asked for at another version leaves it to the instances of that version', async () => {
    await bed.dataSource.query(`INSERT INTO ${REBUILDS} (name, version, position) VALUES ($1, 3, 0)`, [name]);
    const job = await runJob(1, 'rebuild');
    expect(job.keptFollowing).toBe(false);
    // Not started over, and no shadow made for it with this release's code.
    expect(job.rebuilds).toEqual([{ name, version: 3, position: 0 }]);
    const [shadow] = await bed.dataSource.query(`SELECT to_regclass($1) AS found`, [projectionTables(name).shadow]);
    expect(shadow.found).toBeNull();
  });
});
