import { existsSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { Piscina } from 'piscina';

/** A thread's entry as built (`dist/src/…/*.worker.js`) beside `moduleUrl`; absent when the source runs under ts-jest. */
export function builtWorker(moduleUrl: string, workerFile: string): string | undefined {
  const file = fileURLToPath(new URL(workerFile, moduleUrl));
  return existsSync(file) ? file : undefined;
}

/** How long a stop lets a thread that is still loading finish first. */
const STOP_WAITS_FOR_START_MS = 10_000;

export interface AnswerThreadOptions<Task, Answer> {
  /** What the logs call the work: "the offices comparison". */
  work: string;
  /** The worker file, whose default export is `answer`; undefined: answered on the calling thread. */
  workerFile: string | undefined;
  /** The same function, for the calling thread. */
  answer: (task: Task) => Promise<Answer>;
  /** A task of nothing: the thread answers it first, which tells that it loads. */
  nothing: Task;
  stopWaitsForStartMs?: number;
  /** Threads at most (default one: see the class), each given this many tasks at once (default one). */
  threads?: { most: number; tasksEach: number; idleMs: number };
  /** Handed to each thread as `workerData`: what it needs that a task does not carry (a database's address). */
  workerData?: unknown;
}

/**
 * Work an answer needs that would hold the thread taking commands too long, on a worker thread of
 * its own. Its input crosses as plain data (mostly a range's docs as one JSON text: `DocsForThread`),
 * its output is the answer's few figures. One thread by default: the process's other thread, besides
 * PostgreSQL's, is the commands'; work that waits on the database between its slices may ask for more
 * (`threads`), which then stop when idle. A task that fails rejects its answer (500), and the pool starts a new thread for
 * the next. A thread that fails outside a task (its file does not load, say) would leave every later
 * task waiting, and piscina's unhandled `error` event would end the process: the thread is given up
 * then, and every task from then on runs on the calling thread.
 *
 * A stop lets a thread that is still loading its modules finish loading first (for ten seconds at
 * most). Cut off in the middle of its start, the thread would fail the first task, which reads as a
 * failed thread, and the process would end while Node tears down a thread that is loading modules:
 * a path we keep out of every stop.
 *
 * Without a built worker file (the source under ts-jest) the work runs on the calling thread.
 */
export class AnswerThread<Task, Answer> implements OnModuleDestroy {
  private readonly logger: Logger;
  private threads: Piscina<Task, Answer> | undefined;
  /** Settled once the thread has answered a first task, or been given up. */
  private readonly started: Promise<void> = Promise.resolve();
  private completedOffThread = 0;
  private stopping = false;

  constructor(private readonly options: AnswerThreadOptions<Task, Answer>) {
    this.logger = new Logger(new.target.name);
    if (!options.workerFile) return;
    const { most, tasksEach, idleMs } = options.threads ?? { most: 1, tasksEach: 1, idleMs: Infinity };
    this.threads = new Piscina({
      filename: options.workerFile,
      minThreads: Math.min(1, most),
      maxThreads: most,
      concurrentTasksPerWorker: tasksEach,
      idleTimeout: idleMs,
      atomics: 'async',
      workerData: options.workerData,
    });
    this.threads.on('error', (error: unknown) => this.giveUpThreads(error));
    // A thread that cannot load fails this task of nothing, and is given up before a request counts on it.
    this.started = this.threads.run(options.nothing).then(
      () => undefined,
      (error: unknown) => this.giveUpThreads(error),
    );
  }

  protected async answer(task: Task): Promise<Answer> {
    const threads = this.threads;
    if (!threads) return this.options.answer(task);
    try {
      const answer = await threads.run(task);
      this.completedOffThread++;
      return answer;
    } catch (error) {
      // Failed because the thread could not load (the thread is given up by then): answered here instead.
      await this.started;
      if (this.threads) throw error;
      return this.options.answer(task);
    }
  }

  /** Tasks the worker thread has answered: 0 when they run on the calling thread. */
  get answeredOffThread(): number {
    return this.completedOffThread;
  }

  /** False once the thread is given up (or when there was none): tasks run on the calling thread. */
  get hasThread(): boolean {
    return this.threads !== undefined;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await Promise.race([this.started, delay(this.options.stopWaitsForStartMs ?? STOP_WAITS_FOR_START_MS, undefined, { ref: false })]);
    await this.threads?.destroy();
  }

  private giveUpThreads(error: unknown): void {
    const threads = this.threads;
    // Stopping: the tasks the stop ends fail, and that is no failure of the thread.
    if (!threads || this.stopping) return;
    this.threads = undefined;
    this.logger.error(`${this.options.work}'s thread failed, answering on the calling thread from now on: ${String(error)}`);
    void threads.destroy().catch(() => undefined);
  }
}
