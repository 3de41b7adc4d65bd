import { AnswerThread, builtWorker } from '../../shared/threads/answer-thread.js';
import type { ProviderOutcomes } from './outcomes.answer.js';
import { providersTask, type ProvidersTask } from './provider-outcomes.worker.js';

/** The providers thread's entry as built (`dist/src/cases/outcomes`); absent when the source runs under ts-jest. */
export const builtProvidersWorker = (): string | undefined => builtWorker(import.meta.url, './provider-outcomes.worker.js');

/**
 * Sums the period's provider-month rows per provider on a worker thread of its own (`AnswerThread`),
 * off the thread that takes commands. A national year is thousands of rows: parsed and grouped on
 * that thread they held it for over 20 ms an answer, which every command arriving meanwhile waited
 * behind (bench/README.md, "National answers parsed off the commands' thread").
 */
export class ProviderOutcomesThread extends AnswerThread<ProvidersTask, ProviderOutcomes> {
  constructor(workerFile: string | undefined = builtProvidersWorker(), stopWaitsForStartMs?: number) {
    super({
      work: "the providers' outcomes",
      workerFile,
      answer: providersTask,
      nothing: { rows: { docs: new Map() } },
      stopWaitsForStartMs,
    });
  }

  sum(task: ProvidersTask): Promise<ProviderOutcomes> {
    return this.answer(task);
  }
}
