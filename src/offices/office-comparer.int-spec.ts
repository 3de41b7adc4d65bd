import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import fc from 'fast-check';
import { buildApp } from '../../bench/chaos/app-process.js';
import { docs, now, period } from '../../test/views/office-comparison.examples.js';
import type { ComparedDocs } from './office-comparison.js';
import { OfficeComparer } from './office-comparer.js';
import { compareTask, type ComparisonTask } from './office-comparison.worker.js';

/** Each range's docs as a replay hands them to the thread, or as the one JSON text a live read takes from the table. */
function handed(compared: ComparedDocs, as: 'docs' | 'json' = 'docs'): ComparisonTask['docs'] {
  const hand = (range: Map<string, unknown>) => (as === 'docs' ? { docs: range } : { json: JSON.stringify([...range]) });
  return {
    engagement: hand(compared.engagement),
    outcomes: hand(compared.outcomes),
    openCases: hand(compared.openCases),
    quietOnCutoffDay: hand(compared.quietOnCutoffDay),
    inquiries: hand(compared.inquiries),
  };
}

/** Compared months (`c|<month>|<office>`) of a few offices, employers and advisors drawn from small pools so lists overlap. */
const comparedMonths = fc
  .array(
    fc.record({
      office: fc.constantFrom('0301', '0314', '5001'),
      month: fc.constantFrom('2026-01', '2026-02', '2026-03', '2026-07'),
      employerContacts: fc.nat(40),
      contactsFromOtherOffices: fc.nat(5),
      employers: fc.uniqueArray(fc.constantFrom('974760673', '889640782', '810825472', '973861778'), { maxLength: 4 }),
      advisors: fc.uniqueArray(fc.constantFrom('Z111111', 'Z222222', 'Z333333'), { maxLength: 3 }),
    }),
    { maxLength: 12 },
  )
  .map((months) => {
    const engagement = new Map<string, unknown>();
    for (const m of months) {
      const { office: _office, ...row } = { ...m, employers: m.employers.join(','), advisors: m.advisors.join(',') };
      engagement.set(`c|${m.month}|${m.office}`, row);
    }
    return engagement;
  });

/** A worker file of these lines, in a directory of its own that is removed once `use` has settled. */
async function withWorkerFile(lines: string[], use: (file: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ect-comparer-'));
  const file = join(dir, 'test.worker.mjs');
  writeFileSync(file, `${lines.join('\n')}\n`);
  try {
    await use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A comparer on a worker file of these lines, stopped (and its file removed) once `use` has settled. */
async function withComparerOn(lines: string[], use: (comparer: OfficeComparer) => Promise<void>): Promise<void> {
  await withWorkerFile(lines, async (file) => {
    const comparer = new OfficeComparer(file);
    try {
      await use(comparer);
    } finally {
      await comparer.onModuleDestroy();
    }
  });
}

/** The comparison on the worker thread of the app compiled as `npm run build` compiles it (the file `npm start` runs). */
describe('the offices comparison on a thread of its own', () => {
  let comparer: OfficeComparer;

  beforeAll(() => {
    const main = buildApp('office-comparer');
    comparer = new OfficeComparer(join(dirname(main), 'offices', 'office-comparison.worker.js'));
  }, 180_000);

  afterAll(() => comparer.onModuleDestroy());

  const task = (visibleOffices?: string[]): ComparisonTask => ({ docs: handed(docs), period, now, visibleOffices });

  it('answers what the calling thread answers, for every office and for the offices a caller may see', async () => {
    const before = comparer.answeredOffThread;
    for (const visible of [undefined, ['5001'], ['0314', '9999'], []]) {
      expect(await comparer.compare(task(visible))).toEqual(await compareTask(task(visible)));
    }
    expect(comparer.answeredOffThread - before).toBe(4);
  });

  it('parses docs that come as one JSON text, and answers what the docs themselves give', async () => {
    const asText: ComparisonTask = { ...task(), docs: handed(docs, 'json') };
    const answer = await comparer.compare(asText);
    expect(answer.length).toBeGreaterThan(0);
    expect(answer).toEqual(await compareTask(task()));
  });

  it('unites the same employers and advisors as the calling thread for any months', async () => {
    await fc.assert(
      fc.asyncProperty(comparedMonths, async (engagement) => {
        const asked: ComparisonTask = { ...task(), docs: handed({ ...docs, engagement }) };
        expect(await comparer.compare(asked)).toEqual(await compareTask(asked));
      }),
      { numRuns: 30 },
    );
  });

  it('answers several offices requests at once, each its own figures', async () => {
    const asked = [['0314'], ['5001'], undefined, ['0314']];
    const answers = await Promise.all(asked.map((visible) => comparer.compare(task(visible))));
    expect(answers.map((offices) => offices.map((o) => o.officeNumber))).toEqual([['0314'], ['5001'], ['0314', '5001'], ['0314']]);
  });

  it('compares on the calling thread when its thread cannot start, and the process lives on', async () => {
    await withComparerOn(["throw new Error('this worker does not load');"], async (fallback) => {
      expect(await fallback.compare(task())).toEqual(await compareTask(task()));
      expect(await fallback.compare(task(['5001']))).toEqual(await compareTask(task(['5001'])));
      expect(fallback.answeredOffThread).toBe(0);
    });
  });

  it('gives its thread up when it fails between comparisons, and compares on the calling thread from then on', async () => {
    // Answers nothing; asked with this "now", it throws right after answering, outside any task.
    const failingWorker = [
      'export default (task) => {',
      "  if (task.now === 'then-fail') setTimeout(() => { throw new Error('between comparisons'); });",
      '  return [];',
      '};',
    ];
    await withComparerOn(failingWorker, async (fallback) => {
      expect(await fallback.compare({ ...task(), now: 'then-fail' })).toEqual([]);
      // Nothing is sent meanwhile, so the thread fails with no comparison on it.
      for (let tries = 0; fallback.hasThread && tries < 250; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(fallback.hasThread).toBe(false);
      expect(await fallback.compare(task())).toEqual(await compareTask(task()));
      expect(fallback.answeredOffThread).toBe(1);
    });
  });

  it('stopped while its thread still loads, lets it finish loading first and reports no failed thread', async () => {
    const slowWorker = [
      "import { writeFileSync } from 'node:fs';",
      'await new Promise((resolve) => setTimeout(resolve, 500));',
      "writeFileSync(new URL('./loaded', import.meta.url), 'yes');",
      'export default () => [];',
    ];
    const errors = jest.spyOn(Logger.prototype, 'error');
    try {
      await withWorkerFile(slowWorker, async (slow) => {
        await new OfficeComparer(slow).onModuleDestroy();
        expect(existsSync(join(dirname(slow), 'loaded'))).toBe(true);
        expect(errors).not.toHaveBeenCalled();
      });
    } finally {
      errors.mockRestore();
    }
  });

  it('stops within its wait when its thread never finishes loading', async () => {
    await withWorkerFile(['await new Promise(() => undefined);', 'export default () => [];'], async (stuck) => {
      const comparer = new OfficeComparer(stuck, 300);
      // Waiting for ever, the stop would outlast the test's five seconds.
      await comparer.onModuleDestroy();
      expect(comparer.hasThread).toBe(true);
    });
  }, 5_000);

  it('rejects a comparison that fails, and the thread answers the next one', async () => {
    const broken = new Map([['c|2026-03|0314', { month: '2026-03', employerContacts: 1, contactsFromOtherOffices: 0, employers: 7 }]]);
    await expect(comparer.compare({ ...task(), docs: handed({ ...docs, engagement: broken }) })).rejects.toThrow(/split is not a function/);
    expect(await comparer.compare(task(['0314']))).toEqual(await compareTask(task(['0314'])));
  });
});
