import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OnModuleDestroy } from '@nestjs/common';
import { Piscina } from 'piscina';
import type { OfficeFigures } from './office-comparison.js';
import { compareTask, type ComparisonTask } from './office-comparison.worker.js';

/** The comparison thread's entry as built (`dist/src/offices`); absent when the source runs under ts-jest. */
export function builtComparisonWorker(): string | undefined {
  const file = fileURLToPath(new URL('./office-comparison.worker.js', import.meta.url));
  return existsSync(file) ? file : undefined;
}

/**
 * Compares offices on a worker thread of its own, off the thread that takes commands.
 *
 * An offices answer unites thousands of lists of employers and advisors: tens of ms of CPU that,
 * on the one thread of the process, every command arriving meanwhile waited behind, slice by slice
 * (bench/README.md, "Open loop: the offices comparison on a thread of its own"). Its input is the
 * period's month rows as the views hand them (strings, cheap to copy across); its output a few
 * figures per office. One thread: the process's other thread, besides PostgreSQL's, is the
 * commands'. A task that fails rejects its answer (500), and the pool starts a new thread for the next.
 *
 * Without a built worker file (the source under ts-jest) the comparison runs on the calling thread,
 * in slices (`compareOffices`); `office-comparer.int-spec.ts` builds the app to test the thread.
 */
export class OfficeComparer implements OnModuleDestroy {
  private readonly threads: Piscina<ComparisonTask, OfficeFigures[]> | undefined;

  constructor(workerFile: string | undefined = builtComparisonWorker()) {
    this.threads = workerFile
      ? new Piscina({ filename: workerFile, minThreads: 1, maxThreads: 1, idleTimeout: Infinity, atomics: 'async' })
      : undefined;
  }

  compare(task: ComparisonTask): Promise<OfficeFigures[]> {
    return this.threads ? this.threads.run(task) : compareTask(task);
  }

  /** Comparisons the worker thread has finished: 0 when it runs on the calling thread. */
  get comparedOffThread(): number {
    return this.threads?.completed ?? 0;
  }

  async onModuleDestroy(): Promise<void> {
    await this.threads?.destroy();
  }
}
