import { availableParallelism } from 'node:os';
import type { AnyProjection } from '@app/projections';
import { AnswerThread, builtWorker } from '../shared/threads/answer-thread.js';
import type { OfficeReplay } from '../shared/views/snapshots/office-replay.js';
import type { OfficeReplayAsked, ReplayThreads } from '../shared/views/snapshots/replay-threads.js';
import { APP_PROJECTIONS } from '../views/app-views.js';
import { replayOfficeTask, type OfficeReplayed, type OfficeReplayTask, type ReplayConnections } from './office-replay.worker.js';

/** The replay threads' entry as built (`dist/src/infrastructure`); absent when the source runs under ts-jest. */
export const builtReplayWorker = (): string | undefined => builtWorker(import.meta.url, './office-replay.worker.js');

/** Offices each thread folds at once: while one waits for its rows, another folds. */
const OFFICES_PER_THREAD = 2;
/** Threads at most, whatever the cores: each holds up to `OFFICES_PER_THREAD` of PostgreSQL's connections. */
const MOST_THREADS = 4;
/** A thread idle this long stops, and its heap and connections go with it; one stays. */
const IDLE_THREAD_MS = 60_000;

/** An office's replay that failed on its thread; `code` is the failure's own (a lost connection answers 503). */
export class OfficeReplayFailed extends Error {
  readonly code?: string;

  constructor(office: string, failure: { message: string; code?: string }) {
    super(`The as-of replay of office ${office} failed on its thread: ${failure.message}`);
    this.name = 'OfficeReplayFailed';
    this.code = failure.code;
  }
}

export interface OfficeReplayThreadsOptions {
  databaseUrl: string;
  /** The calling thread's store and snapshots: where a replay runs once the threads are given up. */
  calling: ReplayConnections;
  /** Default: the machine's cores, at most `MOST_THREADS`. */
  threads?: number;
  workerFile?: string | undefined;
}

/**
 * The app's `ReplayThreads`: one thread per core (at most four), each folding two offices at once
 * from its own connections (`office-replay.worker.ts`), handing each office's documents back as text
 * (`OfficeReplayed`). Threads beyond the first stop when idle. A thread that cannot load is given up
 * and replays run on the calling thread again (`AnswerThread`); a task that fails, or a thread that
 * dies in the middle of one, fails that replay with `OfficeReplayFailed`, and the next replay gets a
 * new thread.
 */
export class OfficeReplayThreads extends AnswerThread<OfficeReplayTask, OfficeReplayed> implements ReplayThreads {
  readonly officesAtOnce: number;
  readonly threadCount: number;

  constructor({
    databaseUrl,
    calling,
    threads = Math.min(availableParallelism(), MOST_THREADS),
    workerFile = builtReplayWorker(),
  }: OfficeReplayThreadsOptions) {
    super({
      work: 'the as-of replay',
      workerFile,
      answer: (task) => replayOfficeTask(task, calling),
      nothing: { office: '', views: [], toPosition: 0, pageSize: 1 },
      threads: { most: threads, tasksEach: OFFICES_PER_THREAD, idleMs: IDLE_THREAD_MS },
      workerData: { databaseUrl, connections: OFFICES_PER_THREAD },
    });
    this.threadCount = threads;
    // One more office a thread than it folds at once: the next is there when one is handed back.
    this.officesAtOnce = threads * (OFFICES_PER_THREAD + 1);
  }

  serves(projections: readonly AnyProjection[]): boolean {
    return this.hasThread && projections.every((projection) => APP_PROJECTIONS.includes(projection));
  }

  async replayOffice(projections: readonly AnyProjection[], office: string, asked: OfficeReplayAsked): Promise<OfficeReplay[]> {
    const { toPosition, snapshots, pageSize, ranges } = asked;
    const task: OfficeReplayTask = {
      office,
      views: projections.map((projection) => projection.name),
      toPosition,
      pageSize,
      snapshots: snapshots && { log: snapshots.log, every: snapshots.every },
      ranges,
    };
    const replayed = await this.answer(task).catch((error: unknown) => ({
      failed: { message: String((error as Error).message ?? error) },
    }));
    if ('failed' in replayed) throw new OfficeReplayFailed(office, replayed.failed);
    for (const message of replayed.saveFailures) snapshots?.onSaveFailed(new Error(message));
    return replayed.views.map(({ docs, lastPosition, parked }) => ({
      docs: new Map(JSON.parse(docs) as [string, unknown][]),
      lastPosition,
      parked,
    }));
  }
}
