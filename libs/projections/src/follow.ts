import type { Subscription } from '@app/event-store';
import type { RecordedEvent } from '@app/event-store';
import { commitBatch, commitWindow, parkedAt, type BatchContext, type BatchOutcome } from './batch-commit.js';
import { parkedPositions } from './parked-events.js';
import { DocCache } from './doc-cache.js';
import { holdLiveRows } from './live-rows.js';
import { ProjectionEventFailed } from './projection.errors.js';
import type { Progress } from './progress.js';
import { readAhead } from './read-ahead.js';
import { RebuildWindow } from './rebuild-window.js';
import { closeEnoughToSwap } from './rebuild-swap.js';
import { Throughput } from './throughput.js';
import { inBatchSpan } from './batch-span.js';
import type { Track } from './progress.js';

/** Nest's Logger fits. */
export interface ProjectionLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What a committed batch (live) or window (rebuild) was, for metrics. */
export interface CommittedBatch {
  projection: string;
  track: Track;
  events: number;
  /** From the start of its transaction to COMMIT. */
  seconds: number;
}

export interface FollowContext extends Omit<BatchContext, 'expected' | 'status' | 'eventsPerSecond' | 'parked'> {
  /** The log after a position, a batch at a time: the store's subscription, or the rebuilds' shared reader. */
  subscribe(after: number): Subscription;
  batchSize: number;
  /** A rebuild: how far behind the live position it may stop to swap in (`swapGap`); default 0. */
  swapGap?: number;
  /** A rebuild commits once this many events are folded, or sooner when the next read keeps it waiting. */
  rebuildWindowEvents: number;
  /** …or once the rows it holds weighed this many bytes of JSON when loaded. */
  rebuildWindowBytes: number;
  /** Bound of the rebuild's cache of committed docs, in bytes of their JSON. */
  rebuildCacheBytes: number;
  /** Bound of the live job's store of the rows it last committed or read (`BatchContext.liveRows`); 0: none. */
  liveCacheBytes: number;
  signal: AbortSignal;
  logger: ProjectionLogger;
  committed?(batch: CommittedBatch): void;
}

/** How long a rebuild with folded events waits for the next read before it commits them. */
const WINDOW_IDLE_MS = 100;

/**
 * - `stopped`: the engine is stopping;
 * - `fenced`: the progress row moved under us (a swap, or another runner): read it and go on;
 * - `parked`: an event failed and is parked: follow again from the checkpoint, without it;
 * - `caught_up`: a rebuild reached the live position, or came within `swapGap` of it.
 */
export type FollowOutcome = 'stopped' | 'fenced' | 'parked' | 'caught_up';

/** Feeds the subscription from `from`, one committed batch (a rebuild: window) at a time, until something ends it. */
export async function follow(followCtx: FollowContext, from: Progress): Promise<FollowOutcome> {
  const ctx = { ...followCtx, parked: await parkedPositions(followCtx.runner, followCtx.projection.name, followCtx.track, from.position) };
  const subscription = ctx.subscribe(from.position);
  const close = () => void subscription.close();
  // An abort that came before this point fires no event: close at once then.
  if (ctx.signal.aborted) close();
  else ctx.signal.addEventListener('abort', close);
  try {
    return await (ctx.track === 'live' ? followLive : followRebuild)(ctx, from, readAhead(subscription));
  } finally {
    ctx.signal.removeEventListener('abort', close);
    await subscription.close();
  }
}

type Following = FollowContext & { parked: ReadonlySet<number> };

/**
 * Commits batch after batch. The rows they read and wrote are kept (`liveRows`) for as long as this
 * call's batches commit: while the fence holds, this job is the live table's only writer. A batch
 * that does not commit ends the call, and the rows go with it.
 */
async function followLive(ctx: Following, from: Progress, batches: AsyncIterable<RecordedEvent[]>): Promise<FollowOutcome> {
  const liveRows = ctx.liveCacheBytes > 0 ? await holdLiveRows(ctx.runner, ctx.table, ctx.liveCacheBytes) : undefined;
  const throughput = new Throughput();
  let expected = from;
  for await (const batch of batches) {
    if (ctx.signal.aborted) return 'stopped';
    const started = performance.now();
    const status = batch.length >= ctx.batchSize ? 'catching_up' : 'running';
    const eventsPerSecond = throughput.record(batch.length);
    const commit = () => commitBatch({ ...ctx, expected, status, eventsPerSecond, liveRows }, batch);
    const outcome = await inBatchSpan(ctx.projection.name, ctx.track, batch, commit);
    if (outcome.kind !== 'committed') return ended(ctx, outcome);
    reportCommitted(ctx, batch.length, started);
    expected = outcome.progress;
  }
  return 'stopped';
}

/**
 * Folds reads of the log into a window and commits it when it is full (events or bytes), or when
 * the next read keeps it waiting (at the head of the log). Rows committed stay in a cache for
 * later windows; the cache is this call's alone, so any window that does not commit takes it
 * along. From position 0 the shadow table was just made empty (`prepareShadow`), so the cache
 * starts out holding all of it.
 */
async function followRebuild(ctx: Following, from: Progress, batches: AsyncIterable<RecordedEvent[]>): Promise<FollowOutcome> {
  const cache = new DocCache(ctx.rebuildCacheBytes, from.position === 0);
  const throughput = new Throughput();
  const reads = batches[Symbol.asyncIterator]();
  const newWindow = () => new RebuildWindow(ctx.projection, ctx.runner, ctx.table, cache, ctx.parked);
  let window = newWindow();
  let expected = from;
  // The next read is under way while the window folds and commits, and awaited only after: a failure
  // meanwhile is met there, and must not count as an unhandled rejection, which ends the process.
  const readNext = () => {
    const read = reads.next();
    read.catch(() => undefined);
    return read;
  };
  let next = readNext();
  try {
    for (;;) {
      const read = window.events > 0 ? await Promise.race([next, idle(WINDOW_IDLE_MS)]) : await next;
      if (ctx.signal.aborted) return 'stopped';
      const context = { ...ctx, expected, status: 'catching_up' as const, eventsPerSecond: 0 };
      if (read !== IDLE) {
        if (read.done) return 'stopped';
        next = readNext();
        try {
          await window.add(read.value);
        } catch (error) {
          if (error instanceof ProjectionEventFailed) return ended(ctx, await parkedAt(context, error));
          throw error;
        }
        if (window.events < ctx.rebuildWindowEvents && window.bytes < ctx.rebuildWindowBytes) continue;
      }
      const started = performance.now();
      const outcome = await commitWindow({ ...context, eventsPerSecond: throughput.record(window.events) }, window);
      if (outcome.kind !== 'committed') return ended(ctx, outcome);
      reportCommitted(ctx, window.events, started);
      expected = outcome.progress;
      if (closeEnoughToSwap(expected.position, outcome.livePosition, ctx.swapGap ?? 0)) return 'caught_up';
      window = newWindow();
    }
  } finally {
    // The read still under way ends when the subscription closes; nothing waits for it.
    void reads.return?.(undefined)?.catch(() => undefined);
  }
}

function ended(ctx: FollowContext, outcome: Exclude<BatchOutcome, { kind: 'committed' }>): FollowOutcome {
  if (outcome.kind === 'parked') ctx.logger.error(`${outcome.failure.message}; parked, the ${ctx.track} job goes on without it`);
  return outcome.kind;
}

function reportCommitted(ctx: FollowContext, events: number, started: number): void {
  ctx.committed?.({ projection: ctx.projection.name, track: ctx.track, events, seconds: (performance.now() - started) / 1000 });
}

const IDLE = Symbol('idle');

const idle = (ms: number) => new Promise<typeof IDLE>((resolve) => setTimeout(() => resolve(IDLE), ms).unref());
