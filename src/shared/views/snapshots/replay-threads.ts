import type { AnyProjection, KeyRange } from '@app/projections';
import type { OfficeReplay, Snapshots } from './office-replay.js';

/** Nest token of the `ReplayThreads` the app provides (`src/infrastructure/replay-threads.module.ts`). */
export const REPLAY_THREADS = Symbol('REPLAY_THREADS');

/**
 * Offices' views replayed on worker threads, as `replayOfficeViews` replays them on the calling
 * thread: each thread reads the office's snapshots and events through a connection of its own,
 * folds them, stores the snapshots it takes, and hands the office's documents back. A national
 * replay folds offices on every core at once, and the thread that takes commands only merges.
 */
export interface ReplayThreads {
  /**
   * True when the threads fold these very projections (the app's views, not another release's a
   * test runs beside them) and have not been given up: otherwise the replay stays on the calling thread.
   */
  serves(projections: readonly AnyProjection[]): boolean;
  /** Threads at most: one per core. */
  readonly threadCount: number;
  /** Offices a replay hands the threads at once: enough to keep every thread busy while it merges. */
  readonly officesAtOnce: number;
  /**
   * One office's views as of `toPosition`, each from its latest snapshot in the app's table (the one
   * `snapshots` stands for: its `log` and `every` are the thread's; `onSaveFailed` hears the thread's
   * failures), with only the documents in each view's `ranges` when given (`inRanges`).
   */
  replayOffice(projections: readonly AnyProjection[], office: string, replay: OfficeReplayAsked): Promise<OfficeReplay[]>;
}

export interface OfficeReplayAsked {
  toPosition: number;
  snapshots: Snapshots | undefined;
  pageSize: number;
  /** Per view, in the order of the projections: the ranges whose documents are handed back (undefined: all). */
  ranges: (readonly KeyRange[] | undefined)[] | undefined;
}
