import { jest } from '@jest/globals';
import pg from 'pg';
import type { QueryRunner } from 'typeorm';
import type { RecordedEvent } from '@app/event-store';
import { commitBatch, type BatchContext } from './batch-commit.js';
import type { LiveRows } from './batch-context.js';
import { CheckpointMoves } from './checkpoint-moves.js';
import { foldInMemory } from './in-memory-fold.js';
import { holdLiveRows } from './live-rows.js';
import { loadDocs } from './load-docs.js';
import { ensureCheckpoints, readProgress } from './progress.js';
import { projectionTables } from './projection-tables.js';
import { countingProjection } from './testing/counting-projection.js';
import { ProjectionTestBed } from './testing/projection-test-bed.js';

const held = countingProjection({ name: 'held_counts' });
const tables = projectionTables(held.name);

/**
 * A live job keeps the rows its batches read and wrote (`liveRows`); a batch whose rows are all
 * held is folded before its transaction and sent as one message, its fence in the writes' own
 * condition. What must hold: it writes what a fold from nothing gives, and nothing at all once the
 * checkpoint has moved under it, even when a swap replaces the table while the batch waits.
 */
describe('a live batch folded from the rows its job holds', () => {
  let bed: ProjectionTestBed;
  let runner: QueryRunner;
  let events: RecordedEvent[];

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('projection_live_rows', [held.name]);
    events = await bed.append(40, ['0314', '5701']);
  });
  afterAll(async () => {
    await bed.close();
  });
  beforeEach(async () => {
    await bed.dataSource.query(`DELETE FROM ${tables.live}`);
    await bed.dataSource.query(`DELETE FROM projection_checkpoints WHERE name = $1`, [held.name]);
    await ensureCheckpoints(bed.dataSource, [held]);
    runner = bed.dataSource.createQueryRunner();
  });
  afterEach(async () => {
    await runner.release();
  });

  const contextAt = async (liveRows: LiveRows): Promise<BatchContext> => ({
    runner,
    projection: held,
    track: 'live',
    table: tables.live,
    expected: (await readProgress(bed.dataSource, 'live', held.name))!,
    status: 'running',
    eventsPerSecond: 0,
    parked: new Set(),
    checkpointMoves: new CheckpointMoves(),
    liveRows,
  });
  const docsNow = async () => (await loadDocs(bed.dataSource, held.name)).docs;
  const [first, second] = [() => events.slice(0, 20), () => events.slice(20)];

  it('reads nothing, sends one message, and leaves the table as a fold from nothing', async () => {
    const liveRows = await holdLiveRows(runner, tables.live, 2 ** 20);
    expect(await commitBatch(await contextAt(liveRows), first())).toMatchObject({ kind: 'committed' });
    const queries = jest.spyOn(pg.Client.prototype, 'query');
    let sent: string[];
    try {
      expect(await commitBatch(await contextAt(liveRows), second())).toMatchObject({
        kind: 'committed',
        progress: { position: events.at(-1)!.position },
      });
      sent = queries.mock.calls.map(([q]) => String(q)).filter((q) => q.includes(tables.live));
    } finally {
      queries.mockRestore();
    }
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^START TRANSACTION;[\s\S]*FOR UPDATE;\s*WITH upserted AS[\s\S]*;\s*COMMIT$/);
    expect(sent[0]).not.toContain(`SELECT key, doc`);
    expect(await docsNow()).toEqual(foldInMemory(held, events));
    expect((await readProgress(bed.dataSource, 'live', held.name))!.position).toBe(events.at(-1)!.position);
  });

  it('writes nothing, and says fenced, once the checkpoint has moved under it', async () => {
    const liveRows = await holdLiveRows(runner, tables.live, 2 ** 20);
    await commitBatch(await contextAt(liveRows), first());
    const stale = await contextAt(liveRows);
    // Another runner took the view over and went on (here: only its checkpoint moved).
    await bed.dataSource.query(`UPDATE projection_checkpoints SET position = position + 1 WHERE name = $1`, [held.name]);
    const before = await docsNow();
    expect(await commitBatch(stale, second())).toEqual({ kind: 'fenced' });
    expect(await docsNow()).toEqual(before);
    expect((await readProgress(bed.dataSource, 'live', held.name))!.position).toBe(stale.expected.position + 1);
  });

  it('writes nothing into a table a rebuild of the same version swapped in at the same position', async () => {
    const liveRows = await holdLiveRows(runner, tables.live, 2 ** 20);
    await commitBatch(await contextAt(liveRows), first());
    const stale = await contextAt(liveRows);
    // The rebuild's table holds what it folded (here: nothing yet); the checkpoint keeps its version and position.
    await bed.dataSource.query(`CREATE TABLE ${tables.shadow} (LIKE ${tables.live} INCLUDING ALL)`);
    await bed.dataSource.query(`DROP TABLE ${tables.live}; ALTER TABLE ${tables.shadow} RENAME TO ${tables.live}`);
    expect(await readProgress(bed.dataSource, 'live', held.name)).toEqual(stale.expected);
    expect(await commitBatch(stale, second())).toEqual({ kind: 'fenced' });
    expect(await docsNow()).toEqual(new Map());
  });

  it('waits for a swap that holds its checkpoint, then writes nothing into the table swapped in', async () => {
    const liveRows = await holdLiveRows(runner, tables.live, 2 ** 20);
    await commitBatch(await contextAt(liveRows), first());
    const stale = await contextAt(liveRows);
    const swap = bed.dataSource.createQueryRunner();
    try {
      // As `trySwap` does: the checkpoint row first, then the shadow table takes the live one's name.
      await swap.query(`CREATE TABLE ${tables.shadow} (LIKE ${tables.live} INCLUDING ALL)`);
      await swap.query('BEGIN');
      await swap.query(`SELECT 1 FROM projection_checkpoints WHERE name = $1 FOR UPDATE`, [held.name]);
      const batch = commitBatch(stale, second());
      await new Promise((resolve) => setTimeout(resolve, 200));
      await swap.query(`DROP TABLE ${tables.live}`);
      await swap.query(`ALTER TABLE ${tables.shadow} RENAME TO ${tables.live}`);
      await swap.query(`UPDATE projection_checkpoints SET version = version + 1 WHERE name = $1`, [held.name]);
      await swap.query('COMMIT');
      expect(await batch).toEqual({ kind: 'fenced' });
      expect(await docsNow()).toEqual(new Map());
      expect((await readProgress(bed.dataSource, 'live', held.name))!.position).toBe(stale.expected.position);
    } finally {
      await swap.release();
    }
  });
});
