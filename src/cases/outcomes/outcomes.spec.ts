import { ProjectionSpecification } from '@app/projections/testing';
import { recordedAt } from '../../../test/views/recorded.js';
import { caseProfile, enrolled, exited, placedAt, transferredOut } from '../../../test/views/view-events.examples.js';
import { outcomesProjection, type Cohort, type ProviderCohort } from './outcomes.projection.js';
import { outcomes, providerOutcomes } from './outcomes.answer.js';

const spec = ProjectionSpecification.for(outcomesProjection);
const a = caseProfile('a', '2026-01-05T10:00:00Z');
const b = caseProfile('b', '2026-01-20T10:00:00Z');
const c = caseProfile('c', '2026-02-03T10:00:00Z', true);
const history = [
  ...recordedAt(1, '0314', 'case-a', enrolled(a), placedAt(a, '974760673', '2026-01-25T10:00:00Z')),
  ...recordedAt(3, '0314', 'case-b', enrolled(b), placedAt(b, '974760673', '2026-03-01T10:00:00Z')),
  ...recordedAt(5, '0314', 'case-c', enrolled(c), exited(c, '2026-03-01T10:00:00Z')),
];
const cohortsOf = (docs: Map<string, unknown>, office = '0314') =>
  [...docs].filter(([k]) => k.startsWith(`c|${office}|`)).map(([, d]) => d as Cohort);

describe('outcomes view', () => {
  it('counts cohorts by enrolment month and follow-up mode, with placement rate and median days', () => {
    spec
      .given([])
      .when(...history)
      .then((docs) => {
        const answer = outcomes(cohortsOf(docs), '2026-01', '2026-12');
        expect(answer.totals).toEqual([
          {
            followUpMode: 'EXTERNAL',
            enrolled: 1,
            active: 0,
            placed: 0,
            exited: 1,
            transferredIn: 0,
            transferredOut: 0,
            placementRate: 0,
            medianDaysToPlacement: null,
          },
          {
            followUpMode: 'IN_HOUSE',
            enrolled: 2,
            active: 0,
            placed: 2,
            exited: 0,
            transferredIn: 0,
            transferredOut: 0,
            placementRate: 1,
            medianDaysToPlacement: 30,
          },
        ]);
        expect(answer.cohorts.map((x) => [x.month, x.followUpMode, x.enrolled])).toEqual([
          ['2026-01', 'IN_HOUSE', 2],
          ['2026-02', 'EXTERNAL', 1],
        ]);
        expect(answer.byMeasure.map((x) => [x.measureCode, x.followUpMode, x.placed])).toEqual([
          ['INDJOBSTOT', 'IN_HOUSE', 2],
          ['INDOPPFAG', 'EXTERNAL', 0],
        ]);
      });
  });

  it('keeps only cohorts enrolled in the period', () => {
    spec
      .given([])
      .when(...history)
      .then((docs) =>
        expect(outcomes(cohortsOf(docs), '2026-02', '2026-02').totals).toEqual([
          expect.objectContaining({ followUpMode: 'EXTERNAL', enrolled: 1 }),
        ]),
      );
  });

  it('rounds the placement rate to three decimals (69 of 108 → 0.639)', () => {
    const many = Array.from({ length: 108 }, (_, i) => caseProfile(`m${i}`, '2026-01-10T00:00:00Z'));
    const events = many.flatMap((p, i) =>
      recordedAt(1 + i * 2, '0314', `case-${p.caseId}`, enrolled(p), ...(i < 69 ? [placedAt(p, '974760673', '2026-03-10T00:00:00Z')] : [])),
    );
    spec
      .given([])
      .when(...events)
      .then((docs) =>
        expect(outcomes(cohortsOf(docs), '2026-01', '2026-01').totals[0]).toMatchObject({
          enrolled: 108,
          placed: 69,
          active: 39,
          placementRate: 0.639,
        }),
      );
  });

  it('ends a transferred case at the office it leaves: it is no longer active there', () => {
    spec
      .given(recordedAt(1, '0314', 'case-a', enrolled(a)))
      .when(...recordedAt(2, '0314', 'case-a', transferredOut(a, '5001', 'a2', '2026-02-01T10:00:00Z')))
      .then((docs) =>
        expect(outcomes(cohortsOf(docs), '2026-01', '2026-01').totals[0]).toMatchObject({ enrolled: 1, active: 0, placed: 0 }),
      );
  });

  it('counts external cases per provider for the national view', () => {
    spec
      .given([])
      .when(...history)
      .then((docs) => {
        const rows = [...docs].filter(([k]) => k.startsWith('p|')).map(([, d]) => d as ProviderCohort);
        expect(providerOutcomes(rows)).toEqual([
          {
            providerOrgNumber: '889640782',
            enrolled: 1,
            placed: 0,
            transferredIn: 0,
            transferredOut: 0,
            placementRate: 0,
            offices: ['0314'],
          },
        ]);
      });
  });

  it('changes nothing when the same event is applied twice', () => {
    for (const event of history) spec.given(history).when(event).thenNothingChanges();
  });
});
