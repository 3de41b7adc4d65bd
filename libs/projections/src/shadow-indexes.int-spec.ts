import { foldInMemory } from './in-memory-fold.js';
import { projectionOrderIndexMigration } from './projection.migrations.js';
import { projectionTables, sortKeySql } from './projection-tables.js';
import { indexShadow } from './shadow-indexes.js';
import { countingProjection, countKey, type Count } from './testing/counting-projection.js';
import { ProjectionTestBed, eventually, gate } from './testing/projection-test-bed.js';

/** Counts with a sort key, as in the ordered-read spec: a view whose table has an index of its own. */
type RankedCount = Count & { byEvents: string };
const counting = countingProjection();
const ranked = countingProjection({
  name: 'ranked_counts',
  evolve: (rows, event) => {
    counting.evolve(rows, event);
    const key = rows.get(countKey(event.metadata.officeNumber))! as RankedCount;
    rows.set(countKey(key.office), { ...key, byEvents: `${String(1_000_000 - key.events).padStart(7, '0')}|${key.office}` } as RankedCount);
  },
});
const tables = projectionTables(ranked.name);

describe("a rebuild's shadow table and the live table's sort-key indexes", () => {
  let bed: ProjectionTestBed;

  beforeEach(async () => {
    bed = await ProjectionTestBed.create('shadow_indexes', [ranked.name]);
    await bed.append(1200, ['0314', '5701', '1201', '1201']);
  });

  afterEach(async () => {
    await bed.close();
  });

  it('fills the shadow with its primary key only, and swaps it in with the sort-key index built', async () => {
    await migrateOrderIndex(bed);
    const seen: string[][] = [];
    const engine = await bed.engine([ranked], {
      beforeCommit: async ({ track }) => {
        if (track === 'rebuild') seen.push(await indexNames(bed, tables.shadow));
      },
    });
    await engine.start();
    await engine.waitForPosition(ranked.name, bed.lastAppended, 20_000);
    // A snapshot older than the whole rebuild, as a long report would hold: the rows its updates
    // replaced stay "recently dead", so an index built over their HOT chains could not serve reads.
    const old = bed.dataSource.createQueryRunner();
    await old.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    await old.query('SELECT 1');
    await engine.rebuild(ranked.name);
    await eventually('the swap', async () => (await engine.statusOf(ranked.name)).rebuild === null);

    expect(seen.length).toBeGreaterThan(3);
    expect(new Set(seen.map((names) => names.join()))).toEqual(new Set(['projection_ranked_counts_rebuild_pkey']));
    expect(await indexNames(bed, tables.live)).toEqual(['projection_ranked_counts_expr_key_idx', 'projection_ranked_counts_pkey']);
    expect(await planOfPage(bed)).toMatch(/Index Scan using projection_ranked_counts_expr_key_idx/);
    await old.query('COMMIT');
    await old.release();
    expect((await engine.loadDocs(ranked)).docs).toEqual(foldInMemory(ranked, await bed.allEvents()));
  });

  it.each([
    ['before its indexes were built', false],
    ['after its indexes were built', true],
  ])('resumes a rebuild whose instance died %s, and swaps in one copy of each index', async (_when, indexed) => {
    await migrateOrderIndex(bed);
    let rebuildCommits = 0;
    const dying = await bed.engine([ranked], {
      beforeCommit: ({ track }) => {
        // Two windows commit; every later one dies before COMMIT, until the instance stops.
        if (track === 'rebuild' && ++rebuildCommits > 2) throw new Error('crash before COMMIT');
      },
    });
    await dying.start();
    await dying.waitForPosition(ranked.name, bed.lastAppended, 20_000);
    await dying.rebuild(ranked.name);
    await eventually('a commit that dies', async () => rebuildCommits > 3);
    await bed.stopEngines();
    const stoppedAt = (await dying.statusOf(ranked.name)).rebuild?.position;
    expect(stoppedAt).toBeGreaterThan(0);
    expect(await indexNames(bed, tables.shadow)).toEqual(['projection_ranked_counts_rebuild_pkey']);
    if (indexed) {
      const runner = bed.dataSource.createQueryRunner();
      expect(await indexShadow(runner, tables)).toBe(1);
      await runner.release();
    }

    const next = await bed.engine([ranked]);
    await next.start();
    await eventually('the swap', async () => (await next.statusOf(ranked.name)).rebuild === null);
    expect(await indexNames(bed, tables.live)).toEqual(['projection_ranked_counts_expr_key_idx', 'projection_ranked_counts_pkey']);
    expect(await planOfPage(bed)).toMatch(/Index Scan using projection_ranked_counts_expr_key_idx/);
    expect(await next.waitForPosition(ranked.name, bed.lastAppended, 20_000)).toBe(true);
    const folded = foldInMemory(ranked, await bed.allEvents());
    expect((await next.loadDocs(ranked)).docs).toEqual(folded);
    expect((await next.verify(ranked.name)).equal).toBe(true);
  });

  it('swaps in an index that a migration gave the live table while the rebuild ran', async () => {
    const paused = gate();
    const reached = gate();
    const engine = await bed.engine([ranked], {
      beforeCommit: async ({ track }) => {
        if (track !== 'rebuild') return;
        reached.open();
        await paused.opened;
      },
    });
    await engine.start();
    await engine.waitForPosition(ranked.name, bed.lastAppended, 20_000);
    await engine.rebuild(ranked.name);
    await reached.opened;
    await migrateOrderIndex(bed);
    paused.open();

    await eventually('the swap', async () => (await engine.statusOf(ranked.name)).rebuild === null);
    expect(await indexNames(bed, tables.live)).toEqual(['projection_ranked_counts_expr_key_idx', 'projection_ranked_counts_pkey']);
    expect(await planOfPage(bed)).toMatch(/Index Scan using projection_ranked_counts_expr_key_idx/);
  });
});

async function migrateOrderIndex(bed: ProjectionTestBed): Promise<void> {
  const runner = bed.dataSource.createQueryRunner();
  await new (projectionOrderIndexMigration(ranked.name, 'byEvents', 1764000000099))().up(runner);
  await runner.release();
}

async function indexNames(bed: ProjectionTestBed, table: string): Promise<string[]> {
  const rows: { name: string }[] = await bed.dataSource.query(
    `SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1 ORDER BY 1`,
    [table],
  );
  return rows.map((row) => row.name);
}

/** The plan of a page by the sort key: whether the index serves it (scans and sorts are off, the table being tiny). */
async function planOfPage(bed: ProjectionTestBed): Promise<string> {
  const runner = bed.dataSource.createQueryRunner();
  try {
    await runner.startTransaction();
    await runner.query('SET LOCAL enable_seqscan = off');
    await runner.query('SET LOCAL enable_sort = off');
    const plan: { 'QUERY PLAN': string }[] = await runner.query(
      `EXPLAIN SELECT key, doc FROM ${tables.live} WHERE ${sortKeySql('byEvents')} > $1 ORDER BY ${sortKeySql('byEvents')}, key LIMIT 2`,
      ['0'],
    );
    return plan.map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}
