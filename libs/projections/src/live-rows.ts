import type { QueryRunner } from 'typeorm';
import type { BatchContext, BatchOutcome, LiveRows } from './batch-context.js';
import { ASYNCHRONOUS_COMMIT, type Connection } from './batch-transaction.js';
import { writeAndMoveSql, type LivePositionRow } from './batch-writes.js';
import { DocCache, type CachedRow } from './doc-cache.js';
import { lockProgressSql } from './progress.js';
import type { RowChange } from './row-state.js';
import { queryRows, toNumber } from './sql.js';

/** An empty store of rows for a live job about to follow `table`, bounded by `bytes` of JSON. */
export async function holdLiveRows(runner: QueryRunner, table: string, bytes: number): Promise<LiveRows> {
  const [row] = await queryRows<{ oid: number }>(runner, `SELECT '${table}'::regclass::oid AS oid`);
  return { rows: new DocCache(bytes, false), tableOid: Number(row!.oid) };
}

/** Every row of `keys` as `liveRows` holds it, or undefined when any of them is not there. */
export function heldRows(liveRows: LiveRows | undefined, keys: readonly string[]): Map<string, CachedRow> | undefined {
  if (!liveRows || keys.length === 0) return undefined;
  const held = new Map<string, CachedRow>();
  for (const key of keys) {
    const row = liveRows.rows.get(key);
    if (!row) return undefined;
    held.set(key, row);
  }
  return held;
}

/** After a commit: the rows a batch read, as it changed them, are the table's now. */
export function remember(liveRows: LiveRows | undefined, read: ReadonlyMap<string, CachedRow>, changes: readonly RowChange[]): void {
  if (!liveRows) return;
  const { rows } = liveRows;
  for (const [key, row] of read) rows.set(key, row.json, row.lastPosition);
  for (const change of changes) rows.set(change.key, change.docJson, change.docJson === undefined ? -1 : change.lastPosition);
  rows.evict();
}

/**
 * A batch folded from rows this job holds, in one message: begin, lock the progress row, write and
 * move it only where the fence holds and the table is the one the rows came from (in the
 * statement's own condition, as nothing can be looked at between the statements of one message),
 * commit. The lock comes first, as in every batch, so a swap that holds the progress row is waited
 * for before the table is touched. No row moved means the fence did not hold, and nothing was
 * written.
 */
export async function commitHeldRows(
  ctx: BatchContext,
  liveRows: LiveRows,
  changes: readonly RowChange[],
  last: number,
): Promise<BatchOutcome> {
  const connection = (await ctx.runner.connect()) as Connection;
  const name = ctx.projection.name;
  const message = [
    'START TRANSACTION',
    ASYNCHRONOUS_COMMIT,
    lockProgressSql(ctx.track, name),
    writeAndMoveSql(ctx, changes, last, { progress: ctx.expected, tableOid: liveRows.tableOid }),
    'COMMIT',
  ].join(';\n');
  try {
    const results = (await connection.query(message)) as { rows: LivePositionRow[] }[];
    const [row] = results[3]!.rows;
    if (!row) return { kind: 'fenced' };
    const livePosition = ctx.track === 'live' ? last : toNumber(row.live_position);
    return { kind: 'committed', progress: { ...ctx.expected, position: last, status: ctx.status, errorPosition: null }, livePosition };
  } catch (error) {
    // A statement that failed leaves the transaction open and aborted; one on a dead connection fails as well.
    await connection.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
