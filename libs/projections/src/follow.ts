import type { Subscription } from '../../event-store/src/index.js';
import { commitBatch, type BatchContext } from './batch-commit.js';
import type { Progress } from './progress.js';
import { readAhead } from './read-ahead.js';
import { Throughput } from './throughput.js';

/** Nest's Logger fits. */
export interface ProjectionLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface FollowContext extends Omit<BatchContext, 'expected' | 'status' | 'eventsPerSecond'> {
  /** The log after a position, a batch at a time: the store's subscription, or the rebuilds' shared reader. */
  subscribe(after: number): Subscription;
  batchSize: number;
  signal: AbortSignal;
  logger: ProjectionLogger;
}

/**
 * - `stopped`: the engine is stopping;
 * - `fenced`: the progress row moved under us (a swap, or another runner): read it and go on;
 * - `failed`: an event failed and is recorded;
 * - `caught_up`: a rebuild reached the live position.
 */
export type FollowOutcome = 'stopped' | 'fenced' | 'failed' | 'caught_up';

/** Feeds the subscription from `from`, one committed batch at a time, until something ends it. */
export async function follow(ctx: FollowContext, from: Progress): Promise<FollowOutcome> {
  const subscription = ctx.subscribe(from.position);
  const close = () => void subscription.close();
  // An abort that came before this point fires no event: close at once then.
  if (ctx.signal.aborted) close();
  else ctx.signal.addEventListener('abort', close);
  const throughput = new Throughput();
  let expected = from;
  try {
    for await (const batch of readAhead(subscription)) {
      if (ctx.signal.aborted) return 'stopped';
      const outcome = await commitBatch(
        {
          ...ctx,
          expected,
          status: batch.length >= ctx.batchSize ? 'catching_up' : 'running',
          eventsPerSecond: throughput.record(batch.length),
        },
        batch,
      );
      if (outcome.kind === 'failed') ctx.logger.error(`${outcome.failure.message}; the ${ctx.track} job stops here`);
      if (outcome.kind !== 'committed') return outcome.kind;
      expected = outcome.progress;
      if (ctx.track === 'rebuild' && expected.position >= outcome.livePosition) return 'caught_up';
    }
    return 'stopped';
  } finally {
    ctx.signal.removeEventListener('abort', close);
    await subscription.close();
  }
}
