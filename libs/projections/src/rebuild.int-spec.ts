import { foldInMemory } from './in-memory-fold.js';
import type { Projection } from './projection.js';
import type { ProjectionEngine } from './projection-engine.js';
import { countingProjection, countsOf, directCounts, type Count } from './testing/counting-projection.js';
import { ProjectionTestBed, eventually, gate } from './testing/projection-test-bed.js';

const counts = countingProjection();

describe('rebuilding a projection', () => {
  let bed: ProjectionTestBed;
  let engine: ProjectionEngine;
  /** Batches the first engine committed on the rebuild track: evidence that a rebuild ran, not just that the view is right. */
  let rebuildBatches = 0;

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('projection_rebuild', [counts.name]);
  });

  afterAll(async () => {
    await bed.close();
  });

  it('builds a shadow table while the live one keeps answering, then swaps it in', async () => {
    await bed.append(1200);
    const paused = gate();
    const reached = gate();
    engine = await bed.engine([counts], {
      beforeCommit: async ({ track }) => {
        if (track === 'rebuild' && ++rebuildBatches === 2) {
          reached.open();
          await paused.opened;
        }
      },
    });
    await engine.start();
    const before = bed.lastAppended;
    await engine.waitForPosition(counts.name, before, 20_000);
    const liveBefore = await engine.loadDocs(counts);

    expect((await engine.rebuild(counts.name)).status).toBe('rebuilding');
    await reached.opened;
    // Part way: one rebuild batch committed, the second held open.
    const during = await engine.statusOf(counts.name);
    expect(during).toMatchObject({ status: 'rebuilding', position: before, rebuild: { version: 1, position: 200, error: null } });
    expect(await engine.loadDocs(counts)).toEqual(liveBefore);
    paused.open();

    await bed.append(300, ['1201']);
    const after = bed.lastAppended;
    await eventually('the swap', async () => (await engine.statusOf(counts.name)).rebuild === null);
    expect(await engine.waitForPosition(counts.name, after, 20_000)).toBe(true);
    const events = await bed.allEvents();
    expect((await engine.loadDocs(counts)).docs).toEqual(foldInMemory(counts, events));
    expect(countsOf((await engine.loadDocs(counts)).docs)).toEqual(directCounts(events));
    expect(await tableNames(bed)).toEqual({ tables: ['projection_event_counts'], indexes: ['projection_event_counts_pkey'] });
  });

  it('can rebuild again after a swap, and the view stays equal to a replay', async () => {
    const batchesBefore = rebuildBatches;
    expect((await engine.rebuild(counts.name)).rebuild).not.toBeNull();
    await eventually('the second swap', async () => (await engine.statusOf(counts.name)).rebuild === null);
    expect(rebuildBatches).toBeGreaterThan(batchesBefore);
    expect((await engine.verify(counts.name)).equal).toBe(true);
    expect(await tableNames(bed)).toEqual({ tables: ['projection_event_counts'], indexes: ['projection_event_counts_pkey'] });
  });

  it('gives way to a long read of the live table: the live view moves on, the swap waits, and swaps once the read ends', async () => {
    await bed.stopEngines();
    const warnings: string[] = [];
    engine = await bed.engine([counts], {
      logger: { log: () => undefined, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) },
    });
    await engine.start();
    await engine.waitForPosition(counts.name, bed.lastAppended, 20_000);
    const reader = bed.dataSource.createQueryRunner();
    await reader.connect();
    await reader.query('BEGIN');
    // Holds the live table's share lock until COMMIT: the swap's rename cannot have it meanwhile.
    await reader.query('SELECT count(*) FROM projection_event_counts');
    try {
      await engine.rebuild(counts.name);
      await eventually(
        'the rebuild caught up',
        async () => ((await engine.statusOf(counts.name)).rebuild?.position ?? 0) >= bed.lastAppended,
      );
      // A swap waiting for its lock would queue the live batches' writes behind it: it waits 2 s at most.
      await bed.append(50);
      expect(await engine.waitForPosition(counts.name, bed.lastAppended, 15_000)).toBe(true);
      // Past two of the swap's lock timeouts: it gave way each time, as busy, not as a failed job.
      await new Promise((resolve) => setTimeout(resolve, 4_500));
      expect((await engine.statusOf(counts.name)).rebuild).toMatchObject({ error: null });
    } finally {
      await reader.query('COMMIT');
      await reader.release();
    }
    await eventually('the swap', async () => (await engine.statusOf(counts.name)).rebuild === null);
    expect((await engine.verify(counts.name)).equal).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('rebuilds by itself when a new version is deployed, answering from the old table until the swap', async () => {
    await bed.stopEngines();
    const v2: Projection<Count> = countingProjection({
      version: 2,
      eventTypes: ['ContactRecorded', 'CaseEnrolled', 'NoteWritten'],
      keysOf: (event) => [`count|${event.metadata.officeNumber}`],
      evolve: (rows, event) => {
        const key = `count|${event.metadata.officeNumber}`;
        const count = rows.get(key) ?? { office: event.metadata.officeNumber, events: 0, lastType: '' };
        rows.set(key, { ...count, events: count.events + 1, lastType: event.type });
      },
    });
    const v1Docs = (await engine.loadDocs(counts)).docs;
    const paused = gate();
    const reached = gate();
    const upgraded = await bed.engine([v2], {
      beforeCommit: async ({ track }) => {
        if (track === 'rebuild') {
          reached.open();
          await paused.opened;
        }
      },
    });
    await upgraded.start();
    await reached.opened;
    expect(await upgraded.statusOf(counts.name)).toMatchObject({ status: 'rebuilding', version: 2, liveVersion: 1 });
    expect((await upgraded.loadDocs(v2)).docs).toEqual(v1Docs);
    paused.open();

    await eventually('the version 2 swap', async () => (await upgraded.statusOf(v2.name)).liveVersion === 2);
    // A new version swaps in up to one read behind the old table; its live job folds the rest at once.
    expect(await upgraded.waitForPosition(v2.name, bed.lastAppended, 20_000)).toBe(true);
    const events = await bed.allEvents();
    expect((await upgraded.loadDocs(v2)).docs).toEqual(foldInMemory(v2, events));
    expect([...(await upgraded.loadDocs(v2)).docs.values()].reduce((sum, doc) => sum + doc.events, 0)).toBe(events.length);
  });
});

async function tableNames(bed: ProjectionTestBed): Promise<{ tables: string[]; indexes: string[] }> {
  const tables = await bed.dataSource.query(`SELECT tablename FROM pg_tables WHERE tablename LIKE 'projection_event%' ORDER BY 1`);
  const indexes = await bed.dataSource.query(`SELECT indexname FROM pg_indexes WHERE tablename LIKE 'projection_event%' ORDER BY 1`);
  return { tables: tables.map((t: { tablename: string }) => t.tablename), indexes: indexes.map((i: { indexname: string }) => i.indexname) };
}
