import { AnswerThread, builtWorker } from '../shared/threads/answer-thread.js';
import type { OfficeFigures } from './office-comparison.js';
import { compareTask, type ComparisonTask } from './office-comparison.worker.js';

/** The comparison thread's entry as built (`dist/src/offices`); absent when the source runs under ts-jest. */
export const builtComparisonWorker = (): string | undefined => builtWorker(import.meta.url, './office-comparison.worker.js');

const NO_ROWS = { docs: new Map<string, unknown>() };
const NOTHING_TO_COMPARE: ComparisonTask = {
  docs: { engagement: NO_ROWS, outcomes: NO_ROWS, openCases: NO_ROWS, quietOnCutoffDay: NO_ROWS, inquiries: NO_ROWS },
  period: { from: '2026-01', to: '2026-01' },
  now: '2026-01-01T00:00:00.000Z',
  visibleOffices: [],
};

/**
 * Compares offices on a worker thread of its own (`AnswerThread`), off the thread that takes commands.
 *
 * An offices answer unites thousands of lists of employers and advisors: a hundred ms of CPU and
 * more for a national year, which every command arriving meanwhile waited behind, slice by slice,
 * while it ran on the process's one thread (bench/README.md, "Open loop: the offices comparison on a
 * thread of its own"). Its input is the period's month rows, each range as one JSON text the
 * thread parses (a replay's docs as they are); its output a few figures per office.
 *
 * Without a built worker file (the source under ts-jest) the comparison runs on the calling thread,
 * in slices (`compareOffices`); `office-comparer.int-spec.ts` builds the app to test the thread.
 */
export class OfficeComparer extends AnswerThread<ComparisonTask, OfficeFigures[]> {
  constructor(workerFile: string | undefined = builtComparisonWorker(), stopWaitsForStartMs?: number) {
    super({ work: 'the offices comparison', workerFile, answer: compareTask, nothing: NOTHING_TO_COMPARE, stopWaitsForStartMs });
  }

  compare(task: ComparisonTask): Promise<OfficeFigures[]> {
    return this.answer(task);
  }
}
