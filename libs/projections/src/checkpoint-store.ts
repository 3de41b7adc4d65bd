import type { DataSource } from 'typeorm';
import type { ProjectionLogger } from './follow.js';
import { CHECKPOINTS, REBUILDS, projectionTables } from './projection-tables.js';
import { inTransaction, queryRows } from './sql.js';

/**
 * Binds every checkpoint to the event store whose positions it holds. A checkpoint of no store yet
 * (new, or kept from before stores were recorded) is taken to be this one's. A checkpoint of
 * another store (`EVENT_STORE` switched, a new KurrentDB database, an in-memory store of an
 * earlier process) is reset: its view emptied, its position 0, its rebuild dropped, so the view is
 * folded again from this store's log. Locked row by row, so instances starting together reset once.
 */
export async function bindCheckpointsToStore(
  dataSource: DataSource,
  names: readonly string[],
  eventStore: string,
  logger: ProjectionLogger,
): Promise<void> {
  await queryRows(dataSource, `UPDATE ${CHECKPOINTS} SET event_store = $2 WHERE name = ANY($1::text[]) AND event_store IS NULL`, [
    names,
    eventStore,
  ]);
  const foreign = await queryRows<{ name: string; event_store: string }>(
    dataSource,
    `SELECT name, event_store FROM ${CHECKPOINTS} WHERE name = ANY($1::text[]) AND event_store <> $2`,
    [names, eventStore],
  );
  for (const { name, event_store: other } of foreign) {
    const runner = dataSource.createQueryRunner();
    try {
      const reset = await inTransaction(runner, async () => {
        const locked = `SELECT event_store FROM ${CHECKPOINTS} WHERE name = $1 FOR UPDATE`;
        const [row] = await queryRows<{ event_store: string }>(runner, locked, [name]);
        if (!row || row.event_store === eventStore) return false;
        await runner.query(`DELETE FROM ${projectionTables(name).live}`);
        await runner.query(`DELETE FROM ${REBUILDS} WHERE name = $1`, [name]);
        await runner.query(
          `UPDATE ${CHECKPOINTS} SET position = 0, event_store = $2, status = 'catching_up', error_position = NULL, error_message = NULL,
             events_per_second = 0, updated_at = now() WHERE name = $1`,
          [name, eventStore],
        );
        return true;
      });
      if (reset) logger.warn(`projection ${name}: its checkpoint is of event store ${other}, not ${eventStore}; folding it again from 0`);
    } finally {
      await runner.release();
    }
  }
}
