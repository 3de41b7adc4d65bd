import type { DataSource } from 'typeorm';
import { AdvisoryLease } from './advisory-lease.js';
import { follow, type CommittedBatch, type FollowContext, type FollowOutcome, type ProjectionLogger } from './follow.js';
import type { AnyProjection } from './projection.js';
import { messageOf } from './projection.errors.js';
import { liveLock, projectionTables, rebuildLock, type ProjectionTables } from './projection-tables.js';
import { markStatus, readProgress, requestRebuild, type Track } from './progress.js';
import { closeEnoughToSwap, prepareShadow, swapGap, trySwap } from './rebuild-swap.js';
import { indexShadow } from './shadow-indexes.js';
import type { CheckpointMoves } from './checkpoint-moves.js';
import type { LiveLogReader } from './live-log-reader.js';
import type { SharedLogReader } from './shared-log-reader.js';

export interface ProjectionJobsOptions {
  dataSource: DataSource;
  batchSize: number;
  /** Events per read of the log while rebuilding. */
  rebuildBatchSize: number;
  /** Events a rebuild folds between two commits: a doc many events touch is written once per window. */
  rebuildWindowEvents: number;
  /** …and at most about this many bytes of rows (JSON as loaded). */
  rebuildWindowBytes: number;
  /** Bound of each rebuild's cache of committed docs, in bytes of JSON. */
  rebuildCacheBytes: number;
  /** Bound of each live job's store of the rows it last committed or read, in bytes of JSON. */
  liveCacheBytes: number;
  /** The head of the log read once for every live view of this instance. */
  liveReader: LiveLogReader;
  /** The live views' checkpoint moves past batches with nothing to fold, sent together. */
  checkpointMoves: CheckpointMoves;
  /** The log read once for every rebuild this instance runs. */
  rebuildReader: SharedLogReader;
  retryIntervalMs: number;
  logger: ProjectionLogger;
  beforeCommit?: FollowContext['beforeCommit'];
  signal: AbortSignal;
  /** Asks the engine to look for work now (a rebuild was just requested). */
  wake(): void;
  committed(batch: CommittedBatch): void;
}

/**
 * One projection's two jobs, each done only while this instance holds its advisory lock:
 * `live` follows the log into the live table; `rebuild` fills a shadow table from 0 and swaps it in.
 */
export class ProjectionJobs {
  readonly tables: ProjectionTables;
  private readonly jobs: Partial<Record<Track, { done: Promise<void>; lease: AdvisoryLease; giveUp: AbortController }>> = {};

  constructor(
    readonly projection: AnyProjection,
    private readonly options: ProjectionJobsOptions,
  ) {
    this.tables = projectionTables(projection.name);
  }

  /** False as soon as the job's connection broke, even before the job notices. */
  holds(track: Track): boolean {
    const job = this.jobs[track];
    return job !== undefined && !job.lease.runner.isReleased;
  }

  /** Takes the job if no instance holds it; it runs until stopped or its connection fails. */
  async tryTake(track: Track): Promise<void> {
    if (this.jobs[track] || this.options.signal.aborted) return;
    const key = track === 'live' ? liveLock(this.projection.name) : rebuildLock(this.projection.name);
    const lease = await AdvisoryLease.tryAcquire(this.options.dataSource, key);
    if (!lease) return;
    this.options.logger.log(`${this.projection.name}: took the ${track} job`);
    const giveUp = new AbortController();
    const work = track === 'live' ? this.runLive(lease, giveUp.signal) : this.runRebuild(lease);
    const done = work
      .catch((error) => this.options.logger.warn(`${this.projection.name}: ${track} job lost (${messageOf(error)}); will retry`))
      .finally(async () => {
        await lease.release();
        delete this.jobs[track];
      });
    this.jobs[track] = { done, lease, giveUp };
  }

  /**
   * The live table is at another version (a newer instance swapped its rebuild in): the live job
   * stops following now rather than at its next batch, which an idle log may not bring for long,
   * so the newer instances can take it and fold what their swap left to fold.
   */
  giveUpLive(): void {
    this.jobs.live?.giveUp.abort();
  }

  async stopped(): Promise<void> {
    await Promise.all(Object.values(this.jobs).map((job) => job.done));
  }

  private async runLive(lease: AdvisoryLease, giveUp: AbortSignal): Promise<void> {
    const { runner } = lease;
    const { name, version } = this.projection;
    while (!this.options.signal.aborted) {
      const progress = await readProgress(runner, 'live', name);
      if (!progress) throw new Error(`no checkpoint row for ${name}`);
      if (progress.version !== version) {
        // Another version's table: only its own instances follow it. An older one's keeps serving
        // the older instances of a rolling deploy while this version rebuilds (the engine asks for
        // that rebuild); a newer one's is its instances' to follow. Either way the job is given up
        // at once, and the engine does not take it while the versions differ.
        this.options.logger.log(`${name}: the view is at version ${progress.version}, not ${version}: gave the live job up`);
        if (progress.version < version) {
          await requestRebuild(runner, name, version, { restartFailed: false, ifLiveOlder: true });
          this.options.wake();
        }
        return;
      }
      if (giveUp.aborted) return;
      await markStatus(runner, name, progress, 'running');
      // `parked`: an event failed and is parked; the loop follows again from the checkpoint without it.
      const context = this.followContext(lease, 'live', this.tables.live);
      const outcome = await follow({ ...context, signal: AbortSignal.any([context.signal, giveUp]) }, progress);
      // Given up: the loop reads the checkpoint again and leaves, its version no longer this one.
      if (!giveUp.aborted) this.checkNotEnded(outcome, lease);
    }
    const last = await readProgress(runner, 'live', name);
    if (last && last.version === version) await markStatus(runner, name, last, 'stopped');
  }

  private async runRebuild(lease: AdvisoryLease): Promise<void> {
    const { runner } = lease;
    const { name, version } = this.projection;
    while (!this.options.signal.aborted) {
      const rebuild = await readProgress(runner, 'rebuild', name);
      if (!rebuild || rebuild.version !== version) return;
      if (rebuild.position === 0 && !(await prepareShadow(runner, name, this.tables, rebuild))) continue;
      const live = await readProgress(runner, 'live', name);
      const gap = live ? swapGap(live.version, version, this.options.rebuildBatchSize) : 0;
      if (live && closeEnoughToSwap(rebuild.position, live.position, gap)) {
        // Outside the swap's transaction, which holds the checkpoint row that live batches wait for.
        await indexShadow(runner, this.tables);
        const swap = await trySwap(runner, name, this.tables, rebuild, this.options.rebuildBatchSize);
        if (swap === 'swapped') {
          this.options.logger.log(`${name}: rebuilt at version ${version}, position ${rebuild.position}`);
          // The live job of the new version is to be taken now, not at the next round.
          return this.options.wake();
        }
        if (swap === 'busy') await this.pause();
        continue;
      }
      const outcome = await follow({ ...this.followContext(lease, 'rebuild', this.tables.shadow), swapGap: gap }, rebuild);
      this.checkNotEnded(outcome, lease);
    }
  }

  private followContext(lease: AdvisoryLease, track: Track, table: string): FollowContext {
    const { signal, beforeCommit, logger, liveReader, rebuildReader, checkpointMoves, committed } = this.options;
    const batchSize = track === 'live' ? this.options.batchSize : this.options.rebuildBatchSize;
    const { rebuildWindowEvents, rebuildWindowBytes, rebuildCacheBytes, liveCacheBytes } = this.options;
    const subscribe = (after: number) => (track === 'live' ? liveReader : rebuildReader).subscribe(after);
    // A job whose lock connection ended stops following at once, and is taken again (below, or elsewhere).
    const stop = AbortSignal.any([signal, lease.lost]);
    return {
      runner: lease.runner,
      projection: this.projection,
      track,
      table,
      subscribe,
      batchSize,
      rebuildWindowEvents,
      rebuildWindowBytes,
      rebuildCacheBytes,
      liveCacheBytes,
      signal: stop,
      beforeCommit,
      checkpointMoves,
      logger,
      committed,
    };
  }

  /** A subscription that ended on its own (its store closed) must not be followed again at once. */
  private checkNotEnded(outcome: FollowOutcome, lease: AdvisoryLease): void {
    if (lease.lost.aborted) throw lease.lost.reason;
    if (outcome === 'stopped' && !this.options.signal.aborted) throw new Error('the event store subscription ended');
  }

  private pause(): Promise<void> {
    const { signal, retryIntervalMs } = this.options;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, signal.aborted ? 0 : retryIntervalMs);
      signal.addEventListener('abort', done);
    });
  }
}
