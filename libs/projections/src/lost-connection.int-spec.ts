import { countingProjection, countsOf, directCounts } from './testing/counting-projection.js';
import { ProjectionTestBed, eventually } from './testing/projection-test-bed.js';
import { liveLock } from './projection-tables.js';

const counts = countingProjection();

describe('a lone instance whose lock connection is terminated', () => {
  let bed: ProjectionTestBed;

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('projection_lost_connection', [counts.name]);
  });

  afterAll(async () => {
    await bed.close();
  });

  it('takes its lock again on a new connection and follows the log to the head, the process alive', async () => {
    await bed.append(600);
    const warnings: string[] = [];
    const logger = { log: () => undefined, warn: (line: string) => warnings.push(line), error: () => undefined };
    const engine = await bed.engine([counts], { logger });
    await engine.start();
    expect(await engine.waitForPosition(counts.name, bed.lastAppended, 20_000)).toBe(true);

    const [kind, id] = liveLock(counts.name);
    const holder = async (): Promise<number | undefined> => {
      const [row] = await bed.dataSource.query(
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND granted`,
        [kind, id],
      );
      return row?.pid as number | undefined;
    };
    const killed = await eventually('the lock holder', holder);
    await bed.dataSource.query('SELECT pg_terminate_backend($1)', [killed]);

    // No event comes meanwhile: the job must notice the lost connection by itself.
    const retaken = await eventually('the lock on another connection', async () => {
      const pid = await holder();
      return pid !== undefined && pid !== killed && pid;
    });
    expect(retaken).not.toBe(killed);
    await bed.append(300, ['5701']);
    expect(await engine.waitForPosition(counts.name, bed.lastAppended, 20_000)).toBe(true);
    expect(countsOf((await engine.loadDocs(counts)).docs)).toEqual(directCounts(await bed.allEvents()));
    expect((await engine.statusOf(counts.name)).role).toBe('leader');
    expect(warnings.some((line) => line.includes('live job lost'))).toBe(true);
  });
});
