import type { QueryRunner } from 'typeorm';
import { CHECKPOINTS, REBUILDS, type ProjectionTables } from './projection-tables.js';
import { clearRebuildParked, promoteRebuildParked } from './parked-events.js';
import { readProgress, type Progress } from './progress.js';
import { dropDeferredIndexes, missingIndexes, quote } from './shadow-indexes.js';
import { inTransaction, queryRows } from './sql.js';

/**
 * A rebuild at position 0 starts from an empty copy of the live table, with its unique indexes only:
 * the others are built at the swap (`indexShadow`).
 */
export async function prepareShadow(runner: QueryRunner, name: string, tables: ProjectionTables, expected: Progress): Promise<boolean> {
  return inTransaction(runner, async () => {
    const current = await readProgress(runner, 'rebuild', name, true);
    if (!current || current.position !== 0 || current.version !== expected.version) return false;
    await runner.query(`DROP TABLE IF EXISTS ${tables.shadow}`);
    await runner.query(`CREATE TABLE ${tables.shadow} (LIKE ${tables.live} INCLUDING ALL)`);
    await dropDeferredIndexes(runner, tables);
    await clearRebuildParked(runner, name);
    return true;
  });
}

/**
 * How far behind the live view a rebuild may swap in. A new version: up to one read
 * (`rebuildBatchSize` positions), not only at its exact position, for an older instance of a rolling
 * deploy keeps the live view moving under a steady stream of commands, and a rebuild that had to meet
 * it exactly could chase it for as long as the stream lasts. The checkpoint then takes the rebuild's
 * position, and the new version's live job, which starts from the checkpoint, folds the last events at
 * once. A rebuild of the same version: none, as before, since that version's live job may be idle at
 * the head and would not notice a checkpoint moved back.
 */
export const swapGap = (liveVersion: number, rebuildVersion: number, readSize: number): number =>
  liveVersion === rebuildVersion ? 0 : readSize;

export const closeEnoughToSwap = (rebuildPosition: number, livePosition: number, gap: number): boolean =>
  livePosition - rebuildPosition <= gap;

export type SwapOutcome = 'swapped' | 'behind' | 'busy' | 'fenced' | 'unindexed';

const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Puts the caught-up shadow table in the live one's place, in one transaction with the
 * checkpoint: readers see the old view or the new one, never a mix. The checkpoint takes the
 * rebuild's position, which for a new version may be up to one read before the old table's (`swapGap`). Lock order (checkpoint row,
 * rebuild row, tables) is the one live batches use, so they wait rather than deadlock; a reader
 * holding the live table too long makes it `busy`, to be tried again. The shadow's deferred indexes
 * are built before this transaction (`indexShadow`, holding no lock but the shadow's): a shadow that
 * lacks one of the live table's (a migration added it meanwhile) is `unindexed`, to be indexed and
 * tried again, so a view never goes live without an index.
 */
export async function trySwap(
  runner: QueryRunner,
  name: string,
  tables: ProjectionTables,
  expected: Progress,
  readSize: number,
): Promise<SwapOutcome> {
  try {
    return await inTransaction(runner, async () => {
      await runner.query(`SET LOCAL lock_timeout = '2s'`);
      const live = await readProgress(runner, 'live', name, true);
      const rebuild = await readProgress(runner, 'rebuild', name, true);
      if (!live || !rebuild || rebuild.position !== expected.position || rebuild.version !== expected.version) return 'fenced';
      if (!closeEnoughToSwap(rebuild.position, live.position, swapGap(live.version, rebuild.version, readSize))) return 'behind';
      if ((await missingIndexes(runner, tables)).length > 0) return 'unindexed';
      await runner.query(`DROP TABLE ${tables.live}`);
      await runner.query(`ALTER TABLE ${tables.shadow} RENAME TO ${tables.live}`);
      await renameIndexes(runner, tables);
      await queryRows(
        runner,
        `UPDATE ${CHECKPOINTS} SET position = $2, version = $3, status = 'running', error_position = NULL,
           error_message = NULL, events_per_second = 0, updated_at = now() WHERE name = $1`,
        [name, rebuild.position, rebuild.version],
      );
      await queryRows(runner, `DELETE FROM ${REBUILDS} WHERE name = $1`, [name]);
      await promoteRebuildParked(runner, name);
      return 'swapped';
    });
  } catch (error) {
    const code = (error as { driverError?: { code?: string } }).driverError?.code;
    if (code === LOCK_NOT_AVAILABLE) return 'busy';
    throw error;
  }
}

/** `projection_x_rebuild_pkey` becomes `projection_x_pkey` again, so the next rebuild finds the names free. */
async function renameIndexes(runner: QueryRunner, tables: ProjectionTables): Promise<void> {
  const indexes = await queryRows<{ name: string }>(
    runner,
    `SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1 AND starts_with(indexname, $2)`,
    [tables.live, tables.shadow],
  );
  for (const { name } of indexes) {
    await runner.query(`ALTER INDEX ${quote(name)} RENAME TO ${quote(tables.live + name.slice(tables.shadow.length))}`);
  }
}
