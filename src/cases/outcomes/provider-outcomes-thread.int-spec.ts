import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { buildApp } from '../../../bench/chaos/app-process.js';
import { providerOutcomes } from './outcomes.answer.js';
import type { ProviderCohort } from './outcomes.rows.js';
import { ProviderOutcomesThread } from './provider-outcomes-thread.js';

/** Provider-month rows keyed as the outcomes view keys them, a few providers and offices so they group. */
const providerRows = fc
  .uniqueArray(
    fc.record({
      providerOrgNumber: fc.constantFrom('974760673', '889640782', '810825472'),
      officeNumber: fc.constantFrom('0301', '0314', '5001'),
      month: fc.constantFrom('2026-01', '2026-02', '2026-07'),
      enrolled: fc.nat(30),
      placed: fc.nat(30),
      transferredIn: fc.nat(3),
      transferredOut: fc.nat(3),
    }),
    { selector: (row) => `${row.month}|${row.providerOrgNumber}|${row.officeNumber}`, maxLength: 20 },
  )
  .map((rows) => new Map<string, ProviderCohort>(rows.map((row) => [`p|${row.month}|${row.providerOrgNumber}|${row.officeNumber}`, row])));

const asJson = (rows: Map<string, ProviderCohort>) => JSON.stringify([...rows]);

/** The providers' sums on the worker thread of the app compiled as `npm run build` compiles it. */
describe("the providers' outcomes on a thread of their own", () => {
  let thread: ProviderOutcomesThread;

  beforeAll(() => {
    const main = buildApp('provider-outcomes-thread');
    thread = new ProviderOutcomesThread(join(dirname(main), 'cases', 'outcomes', 'provider-outcomes.worker.js'));
  }, 180_000);

  afterAll(() => thread.onModuleDestroy());

  it('sums rows that come as one JSON text as the calling thread sums the rows themselves', async () => {
    const before = thread.answeredOffThread;
    await fc.assert(
      fc.asyncProperty(providerRows, async (rows) => {
        expect(await thread.sum({ rows: { json: asJson(rows) } })).toEqual(providerOutcomes(rows.values()));
        expect(await thread.sum({ rows: { docs: rows } })).toEqual(providerOutcomes(rows.values()));
      }),
      { numRuns: 25 },
    );
    expect(thread.answeredOffThread - before).toBe(50);
  });
});
