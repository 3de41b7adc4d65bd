import { sqlInteger, sqlLiteral, sqlTextArray } from '@app/database';
import type { BatchContext } from './batch-context.js';
import { checkProjectionName } from './projection.js';
import { CHECKPOINTS } from './projection-tables.js';
import { progressTable, type Progress } from './progress.js';
import type { RowChange } from './row-state.js';

/**
 * The changes' upsert and delete and the progress row's move as one statement (data-modifying
 * `WITH` parts run to completion whether or not the UPDATE reads them; a key is either upserted or
 * deleted, never both). The docs are already JSON text: spliced in rather than parsed and
 * serialised again, as one literal, since a message of several statements takes no parameters.
 * With `fence`, every part acts only while the progress row is still at it and the table is the
 * one of that oid: otherwise nothing is written and no row is returned.
 */
export function writeAndMoveSql(
  ctx: BatchContext,
  changes: readonly RowChange[],
  last: number,
  fence?: { progress: Progress; tableOid: number },
): string {
  const name = checkProjectionName(ctx.projection.name);
  const progress = progressTable(ctx.track);
  const atFence = fence
    ? ` AND position = ${sqlInteger(fence.progress.position)} AND version = ${sqlInteger(fence.progress.version)}` +
      ` AND '${ctx.table}'::regclass = ${sqlInteger(fence.tableOid)}::oid`
    : '';
  const fenceHolds = fence ? ` AND EXISTS (SELECT 1 FROM ${progress} WHERE name = '${name}'${atFence})` : '';
  const writes: string[] = [];
  const upserts = changes.filter((c) => c.docJson !== undefined);
  if (upserts.length > 0) {
    const row = (c: RowChange) => `{"key":${JSON.stringify(c.key)},"doc":${c.docJson},"last_position":${c.lastPosition}}`;
    const rows = `[${upserts.map(row).join(',')}]`;
    writes.push(`upserted AS (INSERT INTO ${ctx.table} AS t (key, doc, last_position)
       SELECT r.key, r.doc, r.last_position
       FROM jsonb_to_recordset(${sqlLiteral(rows)}::jsonb) AS r(key text, doc jsonb, last_position bigint)
       WHERE true${fenceHolds}
       ON CONFLICT (key) DO UPDATE SET doc = EXCLUDED.doc, last_position = EXCLUDED.last_position
       WHERE t.last_position < EXCLUDED.last_position)`);
  }
  const deletes = changes.filter((c) => c.docJson === undefined).map((c) => c.key);
  if (deletes.length > 0) writes.push(`deleted AS (DELETE FROM ${ctx.table} WHERE key = ANY(${sqlTextArray(deletes)})${fenceHolds})`);
  const status = ctx.status === 'running' ? 'running' : 'catching_up';
  return `${writes.length > 0 ? `WITH ${writes.join(', ')} ` : ''}UPDATE ${progress}
       SET position = ${sqlInteger(last)}, events_per_second = ${sqlInteger(Math.round(ctx.eventsPerSecond))}, updated_at = now()
       ${ctx.track === 'live' ? `, status = '${status}', error_position = NULL, error_message = NULL` : ''}
     WHERE name = '${name}'${atFence}
     RETURNING (SELECT position FROM ${CHECKPOINTS} WHERE name = '${name}') AS live_position`;
}

export interface LivePositionRow {
  live_position: string;
}

export interface StoredRow {
  key: string;
  /** As text rather than parsed by the driver, so `liveRows` can keep it. */
  doc: string;
  last_position: string;
}

/**
 * The rows of `keys`, as a statement without parameters (it goes in one message with the lock):
 * each key a literal (keys hold no NUL: `keysOf`).
 */
export const rowsSql = (table: string, keys: readonly string[]): string =>
  `SELECT key, doc::text AS doc, last_position FROM ${table} WHERE key = ANY(${sqlTextArray(keys)})`;
