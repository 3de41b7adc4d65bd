import { existsSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { Piscina } from 'piscina';
import type { OfficeFigures } from './office-comparison.js';
import { compareTask, type ComparisonTask } from './office-comparison.worker.js';

/** The comparison thread's entry as built (`dist/src/offices`); absent when the source runs under ts-jest. */
export function builtComparisonWorker(): string | undefined {
  const file = fileURLToPath(new URL('./office-comparison.worker.js', import.meta.url));
  return existsSync(file) ? file : undefined;
}

/** How long a stop lets a thread that is still loading finish first. */
const STOP_WAITS_FOR_START_MS = 10_000;

const NO_ROWS = { docs: new Map<string, unknown>() };
const NOTHING_TO_COMPARE: ComparisonTask = {
  docs: { engagement: NO_ROWS, outcomes: NO_ROWS, openCases: NO_ROWS, quietOnCutoffDay: NO_ROWS, inquiries: NO_ROWS },
  period: { from: '2026-01', to: '2026-01' },
  now: '2026-01-01T00:00:00.000Z',
  visibleOffices: [],
};

/**
 * Compares offices on a worker thread of its own, off the thread that takes commands.
 *
 * An offices answer unites thousands of lists of employers and advisors: a hundred ms of CPU and
 * more for a national year, which every command arriving meanwhile waited behind, slice by slice,
 * while it ran on the process's one thread (bench/README.md, "Open loop: the offices comparison on a
 * thread of its own"). Its input is the period's month rows as the table stores them, JSON text the
 * thread parses (a replay's docs as they are); its output a few figures per office. One thread: the process's other thread,
 * besides PostgreSQL's, is the commands'. A task that fails rejects its answer (500), and the pool
 * starts a new thread for the next. A thread that fails outside a task (its file does not load, say)
 * would leave every later task waiting, and piscina's unhandled `error` event would end the process:
 * the threads are given up then, and every comparison from then on runs on the calling thread.
 *
 * A stop lets a thread that is still loading its modules finish loading first (for ten seconds at
 * most). Cut off in the middle of its start, the thread would fail the first comparison, which reads
 * as a failed thread, and the process would end while Node tears down a thread that is loading
 * modules: a path we keep out of every stop.
 *
 * Without a built worker file (the source under ts-jest) the comparison runs on the calling thread,
 * in slices (`compareOffices`); `office-comparer.int-spec.ts` builds the app to test the thread.
 */
export class OfficeComparer implements OnModuleDestroy {
  private readonly logger = new Logger(OfficeComparer.name);
  private threads: Piscina<ComparisonTask, OfficeFigures[]> | undefined;
  /** Settled once the thread has answered a first comparison, or been given up. */
  private readonly started: Promise<void> = Promise.resolve();
  private completedOffThread = 0;
  private stopping = false;

  constructor(
    workerFile: string | undefined = builtComparisonWorker(),
    private readonly stopWaitsForStartMs = STOP_WAITS_FOR_START_MS,
  ) {
    if (!workerFile) return;
    this.threads = new Piscina({ filename: workerFile, minThreads: 1, maxThreads: 1, idleTimeout: Infinity, atomics: 'async' });
    this.threads.on('error', (error: unknown) => this.giveUpThreads(error));
    // A thread that cannot load fails this comparison of nothing, and is given up before a request counts on it.
    this.started = this.threads.run(NOTHING_TO_COMPARE).then(
      () => undefined,
      (error: unknown) => this.giveUpThreads(error),
    );
  }

  async compare(task: ComparisonTask): Promise<OfficeFigures[]> {
    const threads = this.threads;
    if (!threads) return compareTask(task);
    try {
      const figures = await threads.run(task);
      this.completedOffThread++;
      return figures;
    } catch (error) {
      // Failed because the thread could not load (the threads are given up by then): compared here instead.
      await this.started;
      if (this.threads) throw error;
      return compareTask(task);
    }
  }

  /** Comparisons the worker thread has answered: 0 when they run on the calling thread. */
  get comparedOffThread(): number {
    return this.completedOffThread;
  }

  /** False once the thread is given up (or when there was none): comparisons run on the calling thread. */
  get hasThread(): boolean {
    return this.threads !== undefined;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await Promise.race([this.started, delay(this.stopWaitsForStartMs, undefined, { ref: false })]);
    await this.threads?.destroy();
  }

  private giveUpThreads(error: unknown): void {
    const threads = this.threads;
    // Stopping: the comparisons the stop ends fail, and that is no failure of the thread.
    if (!threads || this.stopping) return;
    this.threads = undefined;
    this.logger.error(`the offices comparison's thread failed, comparing on the calling thread from now on: ${String(error)}`);
    void threads.destroy().catch(() => undefined);
  }
}
