import { foldInMemory } from './in-memory-fold.js';
import { countingProjection, countsOf, directCounts } from './testing/counting-projection.js';
import { ProjectionTestBed, eventually } from './testing/projection-test-bed.js';
import { liveLock } from './projection-tables.js';

const counts = countingProjection();

describe('a runner that dies mid-batch', () => {
  let bed: ProjectionTestBed;

  beforeEach(async () => {
    bed = await ProjectionTestBed.create('projection_crash', [counts.name]);
  });

  afterEach(async () => {
    await bed.close();
  });

  it('leaves nothing of the batch behind, and the view equals a clean replay after restarting', async () => {
    await bed.append(1000);
    let batches = 0;
    let crashedAt: number | undefined;
    const seen: { rows: number; progress: number }[] = [];
    const engine = await bed.engine([counts], {
      beforeCommit: async ({ position }) => {
        seen.push(await bed.seenFromOutside(counts.name, 'live'));
        // Rows and checkpoint are written but not committed: the worst moment to die.
        if (++batches === 3 && crashedAt === undefined) {
          crashedAt = position;
          throw new Error('crash before COMMIT');
        }
      },
    });
    await engine.start();
    const head = bed.lastAppended;
    expect(await engine.waitForPosition(counts.name, head, 20_000)).toBe(true);

    const events = await bed.allEvents();
    expect(crashedAt).toBeGreaterThan(0);
    expect(batches).toBeGreaterThan(5);
    // Before COMMIT nothing of the batch shows: no committed row is ahead of the committed checkpoint.
    expect(seen.filter((s) => s.rows > s.progress)).toEqual([]);
    expect(seen.filter((s) => s.rows > 0)).not.toHaveLength(0);
    const { docs } = await engine.loadDocs(counts);
    expect(docs).toEqual(foldInMemory(counts, events));
    expect(countsOf(docs)).toEqual(directCounts(events));
    expect((await engine.statusOf(counts.name)).status).toBe('running');
  });

  it('is taken over by another instance from the checkpoint when its connection is killed', async () => {
    await bed.append(3000);
    const warnings: string[] = [];
    const logger = { log: () => undefined, warn: (line: string) => warnings.push(line), error: () => undefined };
    const first = await bed.engine([counts], { batchSize: 50, logger });
    const second = await bed.engine([counts], { batchSize: 50, logger });
    await first.start();
    await second.start();
    const [kind, id] = liveLock(counts.name);
    // Kill whichever connection holds the lock, part way through the catch-up.
    const killed = await eventually('a leader part way through the log', async () => {
      const [row] = await bed.dataSource.query(
        `SELECT l.pid FROM pg_locks l JOIN projection_checkpoints c ON c.name = $3
         WHERE l.locktype = 'advisory' AND l.classid = $1 AND l.objid = $2 AND l.granted AND c.position > 500`,
        [kind, id, counts.name],
      );
      return row?.pid as number | undefined;
    });
    const [terminated] = await bed.dataSource.query('SELECT pg_terminate_backend($1) AS done', [killed]);
    expect(terminated.done).toBe(true);

    const head = bed.lastAppended;
    expect(await first.waitForPosition(counts.name, head, 20_000)).toBe(true);
    const events = await bed.allEvents();
    expect(countsOf((await first.loadDocs(counts)).docs)).toEqual(directCounts(events));
    const leaders = await eventually('one leader again', async () => {
      const roles = [(await first.statusOf(counts.name)).role, (await second.statusOf(counts.name)).role];
      return roles.filter((r) => r === 'leader').length === 1 && roles;
    });
    expect(leaders.sort()).toEqual(['leader', 'standby']);
    expect(warnings.filter((line) => line.includes('live job lost'))).toHaveLength(1);
  });
});
