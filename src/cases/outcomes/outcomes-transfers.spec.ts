import { ProjectionSpecification } from '@app/projections/testing';
import { recordedAt } from '../../../test/views/recorded.js';
import { caseProfile, enrolled, placedAt, transferredIn, transferredOut } from '../../../test/views/view-events.examples.js';
import { outcomesProjection, type Cohort, type OfficeMonth, type ProviderCohort } from './outcomes.projection.js';
import { outcomes, placementRate, providerOutcomes } from './outcomes.answer.js';
import type { CaseStepCorrected } from '../case-correction.js';

const spec = ProjectionSpecification.for(outcomesProjection);
const rows = <T>(docs: Map<string, unknown>, prefix: string) => [...docs].filter(([k]) => k.startsWith(prefix)).map(([, d]) => d as T);
// Enrolled at 0314 in January, moved to 5001 on 10 March, placed there on 25 March.
const moving = caseProfile('a', '2026-01-20T10:00:00Z', true);
const arrived = { ...moving, caseId: 'a2', startedAt: '2026-03-10T10:00:00Z' };
const staying = caseProfile('b', '2026-01-22T10:00:00Z', true);
const history = [
  ...recordedAt(1, '0314', 'case-a', enrolled(moving)),
  ...recordedAt(2, '0314', 'case-b', enrolled(staying), placedAt(staying, '974760673', '2026-02-21T10:00:00Z')),
  ...recordedAt(4, '0314', 'case-a', transferredOut(moving, '5001', 'a2', arrived.startedAt)),
  ...recordedAt(
    5,
    '5001',
    'case-a2',
    transferredIn(arrived, '0314', 'a', moving.startedAt),
    placedAt(arrived, '974760673', '2026-03-25T10:00:00Z'),
  ),
];

describe('outcomes of transferred cases', () => {
  it('leaves a case transferred out of the sending office’s placement rate: placed / (enrolled − transferredOut)', () => {
    spec
      .given([])
      .when(...history)
      .then((docs) =>
        expect(outcomes(rows<Cohort>(docs, 'c|0314|'), '2026-01', '2026-12').totals).toEqual([
          {
            followUpMode: 'EXTERNAL',
            enrolled: 2,
            active: 0,
            placed: 1,
            exited: 0,
            transferredIn: 0,
            transferredOut: 1,
            placementRate: 1,
            medianDaysToPlacement: 30,
          },
        ]),
      );
  });

  it('puts an arrival in the cohort of its arrival month, its days to placement counted from the arrival, not the first enrolment', () => {
    spec
      .given([])
      .when(...history)
      .then((docs) => {
        const answer = outcomes(rows<Cohort>(docs, 'c|5001|'), '2026-01', '2026-12');
        expect(answer.cohorts).toEqual([
          {
            month: '2026-03',
            followUpMode: 'EXTERNAL',
            enrolled: 1,
            active: 0,
            placed: 1,
            exited: 0,
            transferredIn: 1,
            transferredOut: 0,
            placementRate: 1,
            medianDaysToPlacement: 15,
          },
        ]);
        expect(outcomes(rows<Cohort>(docs, 'c|5001|'), '2026-01', '2026-02').totals).toEqual([]);
      });
  });

  it('counts transfers in and out in the rows the national views read, by provider and by office', () => {
    spec
      .given([])
      .when(...history)
      .then((docs) => {
        expect(providerOutcomes(rows<ProviderCohort>(docs, 'p|'))).toEqual([
          {
            providerOrgNumber: '889640782',
            enrolled: 3,
            placed: 2,
            transferredIn: 1,
            transferredOut: 1,
            placementRate: 1,
            offices: ['0314', '5001'],
          },
        ]);
        expect(rows<OfficeMonth>(docs, 'n|')).toEqual([
          { officeNumber: '0314', month: '2026-01', enrolled: 2, placed: 1, transferredIn: 0, transferredOut: 1 },
          { officeNumber: '5001', month: '2026-03', enrolled: 1, placed: 1, transferredIn: 1, transferredOut: 0 },
        ]);
      });
  });

  it('gives a rate of 0 when every case enrolled was transferred out (nothing left to divide by)', () => {
    expect(placementRate({ placed: 0, enrolled: 2, transferredOut: 2 })).toBe(0);
    expect(placementRate({ placed: 0, enrolled: 0, transferredOut: 0 })).toBe(0);
    expect(placementRate({ placed: 2, enrolled: 4, transferredOut: 1 })).toBe(0.667);
  });

  it('changes nothing when a transfer event is applied twice', () => {
    for (const event of history) spec.given(history).when(event).thenNothingChanges();
  });
});

describe('corrections of transferred cases', () => {
  const correctedPlacement = (p: typeof moving, revision: number, occurredAt: string, orgNumber: string): CaseStepCorrected => ({
    type: 'CaseStepCorrected',
    data: {
      ...p,
      revision,
      step: 'PLACEMENT',
      reason: 'DUPLICATE',
      undone: [{ type: 'ClientPlaced', occurredAt, orgNumber }],
      status: 'active',
      enrolledAt: moving.startedAt,
      correctedAt: '2026-04-01T10:00:00Z',
      navIdent: 'Z123456',
    },
  });
  const foldOf = (events: ReturnType<typeof recordedAt>) => {
    let folded = new Map<string, unknown>();
    spec
      .given([])
      .when(...events)
      .then((docs) => (folded = new Map(docs)));
    return folded;
  };

  it('takes back a placement at either office as if it had never been recorded, the transfer counts of every row kind kept', () => {
    // The moving case is placed at 0314 in error (taken back), transferred, placed at 5001 in error (taken back).
    const withCorrections = foldOf([
      ...recordedAt(1, '0314', 'case-a', enrolled(moving), placedAt(moving, '974760673', '2026-02-01T10:00:00Z')),
      ...recordedAt(3, '0314', 'case-a', correctedPlacement(moving, 1, '2026-02-01T10:00:00Z', '974760673')),
      ...recordedAt(4, '0314', 'case-a', transferredOut(moving, '5001', 'a2', arrived.startedAt)),
      ...recordedAt(
        5,
        '5001',
        'case-a2',
        transferredIn(arrived, '0314', 'a', moving.startedAt),
        placedAt(arrived, '974760673', '2026-03-25T10:00:00Z'),
        correctedPlacement(arrived, 1, '2026-03-25T10:00:00Z', '974760673'),
      ),
    ]);
    const neverPlaced = foldOf([
      ...recordedAt(1, '0314', 'case-a', enrolled(moving)),
      ...recordedAt(4, '0314', 'case-a', transferredOut(moving, '5001', 'a2', arrived.startedAt)),
      ...recordedAt(5, '5001', 'case-a2', transferredIn(arrived, '0314', 'a', moving.startedAt)),
    ]);
    expect(withCorrections).toEqual(neverPlaced);
    expect(rows<OfficeMonth>(withCorrections, 'n|')).toEqual([
      { officeNumber: '0314', month: '2026-01', enrolled: 1, placed: 0, transferredIn: 0, transferredOut: 1 },
      { officeNumber: '5001', month: '2026-03', enrolled: 1, placed: 0, transferredIn: 1, transferredOut: 0 },
    ]);
    expect(
      rows<ProviderCohort>(withCorrections, 'p|').map(({ officeNumber, transferredIn, transferredOut, placed }) => ({
        officeNumber,
        transferredIn,
        transferredOut,
        placed,
      })),
    ).toEqual([
      { officeNumber: '0314', transferredIn: 0, transferredOut: 1, placed: 0 },
      { officeNumber: '5001', transferredIn: 1, transferredOut: 0, placed: 0 },
    ]);
    expect(rows<Cohort>(withCorrections, 'c|5001|')).toEqual([
      expect.objectContaining({ enrolled: 1, active: 1, placed: 0, transferredIn: 1, transferredOut: 0, daysToPlacement: [] }),
    ]);
  });
});
