import type { RecordedEvent } from '@app/event-store';
import type { BatchContext, BatchOutcome } from './batch-context.js';
import { inBatchTransaction, type BatchStatements } from './batch-transaction.js';
import { rowsSql, writeAndMoveSql, type LivePositionRow, type StoredRow } from './batch-writes.js';
import { ABSENT_ROW, type CachedRow } from './doc-cache.js';
import { commitHeldRows, heldRows, remember } from './live-rows.js';
import { ProjectionEventFailed } from './projection.errors.js';
import { parkEvent } from './parked-events.js';
import type { Progress } from './progress.js';
import type { RebuildWindow } from './rebuild-window.js';
import { RowState, type RowChange } from './row-state.js';
import { toNumber } from './sql.js';

export type { BatchContext, BatchOutcome, BeforeCommit } from './batch-context.js';

/**
 * One live batch in one transaction: lock the progress row and load every row the batch names
 * (one message), check the row is still ours, fold, write the changes with one upsert and one
 * delete, move the progress row, commit (a second message). When `liveRows` holds every row the
 * batch names, the batch is folded first and all of it goes in one message, its fence in the
 * writes' own condition (`commitHeldRows`). A crash anywhere before COMMIT leaves nothing behind.
 * A batch with nothing to fold only moves the progress row (`CheckpointMoves`). (Rebuilds fold
 * first and commit a window: `commitWindow`.)
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
  return settle(ctx, async () => {
    const { planned, keys } = planBatch(state, foldable);
    const held = ctx.beforeCommit ? undefined : heldRows(ctx.liveRows, keys);
    if (held) {
      for (const [key, row] of held) if (row.json !== undefined) state.load(key, JSON.parse(row.json), row.lastPosition);
      for (const { event, keys } of planned) state.apply(event, keys);
      const changes = state.takeChanges();
      const outcome = await commitHeldRows(ctx, ctx.liveRows!, changes, last);
      if (outcome.kind === 'committed') remember(ctx.liveRows, held, changes);
      return outcome;
    }
    let changes: RowChange[] = [];
    const loaded = new Map<string, CachedRow>(keys.map((key) => [key, ABSENT_ROW]));
    // The rows are read in the message that locks the progress row, after the lock: a swap drops the
    // live table and must not wait on a batch that read it before the fence.
    const work = async (locked: Progress | undefined, rows: StoredRow[], statements: BatchStatements) => {
      const current = checkFence(ctx, locked);
      for (const row of rows) {
        const lastPosition = toNumber(row.last_position);
        loaded.set(row.key, { json: row.doc, lastPosition });
        state.load(row.key, JSON.parse(row.doc), lastPosition);
      }
      for (const { event, keys } of planned) state.apply(event, keys);
      changes = state.takeChanges();
      return writeAndMove(ctx, changes, last, current, statements);
    };
    const alsoRead = keys.length > 0 ? rowsSql(ctx.table, keys) : undefined;
    const outcome = await inBatchTransaction(ctx.runner, ctx.track, ctx.projection.name, work, alsoRead);
    if (outcome.kind === 'committed') remember(ctx.liveRows, loaded, changes);
    return outcome;
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
 * Writes the changes and moves the progress row in one statement (`writeAndMoveSql`), sent with
 * the COMMIT in one message.
 */
async function writeAndMove(
  ctx: BatchContext,
  changes: readonly RowChange[],
  last: number,
  locked: Progress,
  statements: BatchStatements,
): Promise<BatchOutcome> {
  const sql = writeAndMoveSql(ctx, changes, last);
  // A test's hook runs inside the transaction, so under one the COMMIT goes after it, on its own.
  const [row] = ctx.beforeCommit ? await statements.run<LivePositionRow>(sql) : await statements.runAndCommit<LivePositionRow>(sql);
  await ctx.beforeCommit?.({ projection: ctx.projection.name, track: ctx.track, position: last }, ctx.runner);
  const livePosition = ctx.track === 'live' ? last : toNumber(row!.live_position);
  return { kind: 'committed', progress: { ...locked, position: last, status: ctx.status, errorPosition: null }, livePosition };
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
