import { foldInMemory } from './in-memory-fold.js';
import { selectDocs, type KeyRange } from './key-range.js';
import type { ProjectionEngine } from './projection-engine.js';
import { projectionOrderIndexMigration } from './projection.migrations.js';
import { projectionTables, sortKeySql } from './projection-tables.js';
import { countingProjection, countKey, type Count } from './testing/counting-projection.js';
import { ProjectionTestBed, eventually } from './testing/projection-test-bed.js';

/** Counts that keep a sort key: most events first, then by office. */
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

describe('ordered reads on PostgreSQL', () => {
  let bed: ProjectionTestBed;
  let engine: ProjectionEngine;

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('ordered_read', [ranked.name]);
    const runner = bed.dataSource.createQueryRunner();
    await new (projectionOrderIndexMigration(ranked.name, 'byEvents', 1764000000099))().up(runner);
    await runner.release();
    // Offices of different sizes, so the sort key orders them otherwise than their row keys.
    await bed.append(300, ['0314', '5701', '1201', '1201', '5701', '1201']);
    engine = await bed.engine([ranked]);
    await engine.start();
    await engine.waitForPosition(ranked.name, bed.lastAppended, 20_000);
  });

  afterAll(async () => {
    await bed.close();
  });

  it('answers an ordered range, a cursor and a limit exactly as selectDocs does in memory, also as one JSON text', async () => {
    const folded = foldInMemory(ranked, await bed.allEvents());
    const ranges: KeyRange[] = [
      { orderBy: 'byEvents' },
      { orderBy: 'byEvents', limit: 2 },
      { orderBy: 'byEvents', after: (folded.get(countKey('1201')) as RankedCount).byEvents, limit: 1 },
      { orderBy: 'byEvents', from: '0', to: (folded.get(countKey('5701')) as RankedCount).byEvents },
      { orderBy: 'byEvents', prefix: 'nothing' },
      { orderBy: 'lastType' },
    ];
    for (const range of ranges) {
      expect([...(await engine.loadDocs(ranked, range)).docs]).toEqual([...selectDocs(folded, range)]);
      expect(JSON.parse((await engine.loadDocsAsJson(ranked, range)).json)).toEqual([...selectDocs(folded, range)]);
    }
    expect([...(await engine.loadDocs(ranked, { orderBy: 'byEvents' })).docs.keys()]).toEqual([
      countKey('1201'),
      countKey('5701'),
      countKey('0314'),
    ]);
  });

  it('reads a page off the sort key index, not by sorting the table, also once a rebuild has swapped its copy in', async () => {
    expect(await planOfPage()).toMatch(/Index Scan using projection_ranked_counts_by_byevents/);
    await engine.rebuild(ranked.name);
    await eventually('the swap', async () => (await engine.statusOf(ranked.name)).rebuild === null);
    // The copy has a name PostgreSQL chose for it; the swap renames it as the live table's.
    expect(await planOfPage()).toMatch(/Index Scan using projection_ranked_counts_expr_key_idx/);
    const folded = foldInMemory(ranked, await bed.allEvents());
    expect([...(await engine.loadDocs(ranked, { orderBy: 'byEvents', limit: 2 })).docs]).toEqual([
      ...selectDocs(folded, { orderBy: 'byEvents', limit: 2 }),
    ]);
  });

  async function planOfPage(): Promise<string> {
    const runner = bed.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      // The table is tiny, so a scan would win on cost: the question is whether the index fits the read.
      await runner.query('SET LOCAL enable_seqscan = off');
      await runner.query('SET LOCAL enable_sort = off');
      const plan: { 'QUERY PLAN': string }[] = await runner.query(
        `EXPLAIN SELECT key, doc FROM ${projectionTables(ranked.name).live}
          WHERE ${sortKeySql('byEvents')} > $1 ORDER BY ${sortKeySql('byEvents')}, key LIMIT 2`,
        ['0'],
      );
      return plan.map((row) => row['QUERY PLAN']).join('\n');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }
});
