import type { QueryRunner } from 'typeorm';
import type { CheckpointMoves } from './checkpoint-moves.js';
import type { DocCache } from './doc-cache.js';
import type { AnyProjection } from './projection.js';
import type { ProjectionEventFailed } from './projection.errors.js';
import type { Progress, Track } from './progress.js';

/** What a batch (live) or window (rebuild) is committed with: `commitBatch`, `commitWindow`. */
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
  /**
   * The live table's rows as this job last committed or read them (live track only): a batch whose
   * rows are all here commits in one round trip (`commitBatch`). The caller's for one `follow`.
   */
  liveRows?: LiveRows;
}

/** A test's hook inside a batch's transaction, before its COMMIT; `tx` queries in that transaction. */
export type BeforeCommit = (
  info: { projection: string; track: Track; position: number },
  tx: Pick<QueryRunner, 'query'>,
) => void | Promise<void>;

export type BatchOutcome =
  { kind: 'committed'; progress: Progress; livePosition: number } | { kind: 'fenced' } | { kind: 'parked'; failure: ProjectionEventFailed };

/**
 * Rows a live job holds, and the table they are rows of (its oid): a swap replaces the table, and
 * a swap that leaves the checkpoint's version and position as they were (a rebuild of the same
 * version) would otherwise pass the fence.
 */
export interface LiveRows {
  rows: DocCache;
  tableOid: number;
}
