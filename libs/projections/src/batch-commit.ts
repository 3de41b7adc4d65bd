import type { QueryRunner } from 'typeorm';
import { sqlInteger, sqlLiteral, sqlTextArray } from '@app/database';
import type { RecordedEvent } from '@app/event-store';
import { checkProjectionName, type AnyProjection } from './projection.js';
import { ProjectionEventFailed } from './projection.errors.js';
import { CHECKPOINTS } from './projection-tables.js';
import { parkEvent } from './parked-events.js';
import { progressTable, type Progress, type Track } from './progress.js';
import type { RebuildWindow } from './rebuild-window.js';
import { RowState, type RowChange } from './row-state.js';
import { inBatchTransaction, type BatchStatements } from './batch-transaction.js';
import type { CheckpointMoves } from './checkpoint-moves.js';
import { toNumber } from './sql.js';

export interface BatchContext {
  runner: QueryRunner;
  projection: AnyProjection;
  track: Track;
  table: string;
  /** Where this runner believes the track stands: the fence. */
  expected: Progress;
  /** Live status to record: `catching_up` while full batches keep coming. */
  status: 'running' | 'catching_up';
  eventsPerSecond: number;
  /** Positions this track has parked: left out of every fold (README, "Failures"). */
  parked: ReadonlySet<number>;
  beforeCommit?: BeforeCommit;
  /** Where a live batch with nothing to fold sends its checkpoint's move, with other views' (`CheckpointMoves`). */
  checkpointMoves: CheckpointMoves;
}

/** A test's hook inside a batch's transaction, before its COMMIT; `tx` queries in that transaction. */
export type BeforeCommit = (
  info: { projection: string; track: Track; position: number },
  tx: Pick<QueryRunner, 'query'>,
) => void | Promise<void>;

export type BatchOutcome =
  { kind: 'committed'; progress: Progress; livePosition: number } | { kind: 'fenced' } | { kind: 'parked'; failure: ProjectionEventFailed };

/**
 * One live batch in one transaction: lock the progress row and load every row the batch names
 * (one message), check the row is still ours, fold, write the changes with one upsert and one
 * delete, move the progress row. A crash anywhere before COMMIT leaves nothing behind. A batch
 * with nothing to fold only moves the progress row (`CheckpointMoves`). (Rebuilds fold first
 * and commit a window: `commitWindow`.)
 */
export async function commitBatch(ctx: BatchContext, batch: readonly RecordedEvent[]): Promise<BatchOutcome> {
  const last = batch[batch.length - 1]!.position;
  const state = new RowState(ctx.projection);
  const foldable = batch.filter((event) => state.handles(event) && !ctx.parked.has(event.position));
  // A test's hook runs inside a batch's transaction, so under one every batch takes the long way.
  if (!ctx.beforeCommit && foldable.length === 0) {
    const { expected, status, eventsPerSecond } = ctx;
    const moved = await ctx.checkpointMoves.move(ctx.runner, {
      name: ctx.projection.name,
      expected,
      position: last,
      status,
      eventsPerSecond,
    });
    return moved ? { kind: 'committed', progress: moved, livePosition: last } : { kind: 'fenced' };
  }
  return settle(ctx, () => {
    const { planned, keys } = planBatch(state, foldable);
    // The rows are read in the message that locks the progress row, after the lock: a swap drops the
    // live table and must not wait on a batch that read it before the fence.
    const work = async (locked: Progress | undefined, rows: StoredRow[], statements: BatchStatements) => {
      const current = checkFence(ctx, locked);
      for (const row of rows) state.load(row.key, row.doc, toNumber(row.last_position));
      for (const { event, keys } of planned) state.apply(event, keys);
      return writeAndMove(ctx, state.takeChanges(), last, current, statements);
    };
    return inBatchTransaction(ctx.runner, ctx.track, ctx.projection.name, work, keys.length > 0 ? rowsSql(ctx.table, keys) : undefined);
  });
}

/**
 * A rebuild's window, folded before its transaction began: fence, write its changes, move the
 * progress row, in one transaction. Until its first lock a transaction has no id, and the event
 * store hides appends younger than the oldest transaction id, so a fold inside the transaction
 * would hold new events back for as long as it takes. Only this job writes the shadow table, so
 * rows read before the fence are current if the fence holds.
 */
export async function commitWindow(ctx: BatchContext, window: RebuildWindow): Promise<BatchOutcome> {
  const outcome = await settle(ctx, () =>
    inBatchTransaction(ctx.runner, ctx.track, ctx.projection.name, (locked, _rows, statements) =>
      writeAndMove(ctx, window.takeChanges(), window.last, checkFence(ctx, locked), statements),
    ),
  );
  if (outcome.kind === 'committed') window.committed();
  return outcome;
}

/**
 * Parks an event that failed. Nothing of its batch (or window) was committed: the caller reads it
 * again from the checkpoint and folds it without the parked event, so no half-applied event remains.
 */
export async function parkedAt(ctx: BatchContext, failure: ProjectionEventFailed): Promise<Extract<BatchOutcome, { kind: 'parked' }>> {
  await parkEvent(ctx.runner, ctx.track, ctx.projection.name, ctx.expected, failure);
  return { kind: 'parked', failure };
}

async function settle(ctx: BatchContext, commit: () => Promise<BatchOutcome>): Promise<BatchOutcome> {
  try {
    return await commit();
  } catch (error) {
    if (error instanceof Fenced) return { kind: 'fenced' };
    if (!(error instanceof ProjectionEventFailed)) throw error;
    return parkedAt(ctx, error);
  }
}

/**
 * Writes the changes and moves the progress row in one statement (data-modifying `WITH` parts run
 * to completion whether or not the UPDATE reads them; a key is either upserted or deleted, never
 * both), sent with the COMMIT in one message. The docs are already JSON text: spliced in rather
 * than parsed and serialised again, as one literal, since a message of several statements takes no
 * parameters.
 */
async function writeAndMove(
  ctx: BatchContext,
  changes: readonly RowChange[],
  last: number,
  locked: Progress,
  statements: BatchStatements,
): Promise<BatchOutcome> {
  const name = checkProjectionName(ctx.projection.name);
  const writes: string[] = [];
  const upserts = changes.filter((c) => c.docJson !== undefined);
  if (upserts.length > 0) {
    const row = (c: RowChange) => `{"key":${JSON.stringify(c.key)},"doc":${c.docJson},"last_position":${c.lastPosition}}`;
    const rows = `[${upserts.map(row).join(',')}]`;
    writes.push(`upserted AS (INSERT INTO ${ctx.table} AS t (key, doc, last_position)
       SELECT r.key, r.doc, r.last_position
       FROM jsonb_to_recordset(${sqlLiteral(rows)}::jsonb) AS r(key text, doc jsonb, last_position bigint)
       ON CONFLICT (key) DO UPDATE SET doc = EXCLUDED.doc, last_position = EXCLUDED.last_position
       WHERE t.last_position < EXCLUDED.last_position)`);
  }
  const deletes = changes.filter((c) => c.docJson === undefined).map((c) => c.key);
  if (deletes.length > 0) writes.push(`deleted AS (DELETE FROM ${ctx.table} WHERE key = ANY(${sqlTextArray(deletes)}))`);
  const status = ctx.status === 'running' ? 'running' : 'catching_up';
  const sql = `${writes.length > 0 ? `WITH ${writes.join(', ')} ` : ''}UPDATE ${progressTable(ctx.track)}
       SET position = ${sqlInteger(last)}, events_per_second = ${sqlInteger(Math.round(ctx.eventsPerSecond))}, updated_at = now()
       ${ctx.track === 'live' ? `, status = '${status}', error_position = NULL, error_message = NULL` : ''}
     WHERE name = '${name}'
     RETURNING (SELECT position FROM ${CHECKPOINTS} WHERE name = '${name}') AS live_position`;
  // A test's hook runs inside the transaction, so under one the COMMIT goes after it, on its own.
  const [row] = ctx.beforeCommit ? await statements.run<LivePositionRow>(sql) : await statements.runAndCommit<LivePositionRow>(sql);
  await ctx.beforeCommit?.({ projection: name, track: ctx.track, position: last }, ctx.runner);
  const livePosition = ctx.track === 'live' ? last : toNumber(row!.live_position);
  return { kind: 'committed', progress: { ...locked, position: last, status: ctx.status, errorPosition: null }, livePosition };
}

interface LivePositionRow {
  live_position: string;
}

class Fenced extends Error {}

/** Checks the progress row, as the transaction locked it, is still where this runner left it. */
function checkFence(ctx: BatchContext, current: Progress | undefined): Progress {
  if (!current || current.position !== ctx.expected.position || current.version !== ctx.expected.version) throw new Fenced();
  return current;
}

/** The events to fold with their keys (a failing `keysOf` fails its event), and every key they name. */
function planBatch(state: RowState, events: readonly RecordedEvent[]) {
  const planned = events.map((event) => ({ event, keys: state.keysOf(event) }));
  return { planned, keys: [...new Set(planned.flatMap((p) => p.keys))] };
}

interface StoredRow {
  key: string;
  doc: unknown;
  last_position: string;
}

/**
 * The rows of `keys`, as a statement without parameters (it goes in one message with the lock):
 * each key a literal (keys hold no NUL: `keysOf`).
 */
const rowsSql = (table: string, keys: readonly string[]): string =>
  `SELECT key, doc, last_position FROM ${table} WHERE key = ANY(${sqlTextArray(keys)})`;
