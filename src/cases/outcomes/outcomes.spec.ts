import { foldInMemory } from '../../../libs/projections/src/fold-in-memory.js';
import { recordedAt } from '../../shared/views/recorded.js';
import type { CaseEvent, CaseProfile } from '../case.js';
import { followUpGapsProjection, type ActiveCase } from '../follow-up-gaps/follow-up-gaps.projection.js';
import { followUpGaps } from '../follow-up-gaps/follow-up-gaps.query.js';
import { outcomesProjection, type Cohort, type ProviderCohort } from './outcomes.projection.js';
import { outcomes, providerOutcomes } from './outcomes.query.js';

const profile = (caseId: string, startedAt: string, external = false): CaseProfile => ({
  caseId, clientRef: `ref-${caseId}`, needGroup: 'SITUATIONAL', startedAt,
  followUpMode: external ? 'EXTERNAL' : 'IN_HOUSE', measureCode: external ? 'INDOPPFAG' : 'INDJOBSTOT', providerOrgNumber: external ? '889640782' : undefined,
});
const enrolled = (p: CaseProfile): CaseEvent => ({ type: 'ClientEnrolled', data: { ...p, occurredAt: p.startedAt, navIdent: 'Z123456' } });
const placed = (p: CaseProfile, occurredAt: string): CaseEvent => ({
  type: 'ClientPlaced', data: { ...p, orgNumber: '974760673', startDate: occurredAt.slice(0, 10), employmentPercent: 100, employmentType: 'PERMANENT', occurredAt, navIdent: 'Z123456' },
});
const exited = (p: CaseProfile, occurredAt: string): CaseEvent => ({ type: 'ClientExited', data: { ...p, reason: 'NO_JOB', occurredAt, navIdent: 'Z123456' } });
const followedUp = (caseId: string, occurredAt: string): CaseEvent => ({ type: 'ClientFollowUpRecorded', data: { caseId, kind: 'PROVIDER_CONTACT', occurredAt, navIdent: 'Z123456' } });

const a = profile('a', '2026-01-05T10:00:00Z');
const b = profile('b', '2026-01-20T10:00:00Z');
const c = profile('c', '2026-02-03T10:00:00Z', true);
const history = [
  ...recordedAt(1, '0314', 'case-a', enrolled(a), placed(a, '2026-01-25T10:00:00Z')),
  ...recordedAt(3, '0314', 'case-b', enrolled(b), placed(b, '2026-03-01T10:00:00Z')),
  ...recordedAt(5, '0314', 'case-c', enrolled(c), exited(c, '2026-03-01T10:00:00Z')),
];
const cohortsOf = (events: typeof history) =>
  [...foldInMemory(outcomesProjection, events)].filter(([k]) => k.startsWith('c|0314|')).map(([, d]) => d as Cohort);

describe('outcomes view', () => {
  it('counts cohorts by enrolment month and follow-up mode, with placement rate and median days', () => {
    const answer = outcomes(cohortsOf(history), '2026-01', '2026-12');
    expect(answer.totals).toEqual([
      { followUpMode: 'EXTERNAL', enrolled: 1, active: 0, placed: 0, exited: 1, placementRate: 0, medianDaysToPlacement: null },
      { followUpMode: 'IN_HOUSE', enrolled: 2, active: 0, placed: 2, exited: 0, placementRate: 1, medianDaysToPlacement: 30 },
    ]);
    expect(answer.cohorts.map((x) => [x.month, x.followUpMode, x.enrolled])).toEqual([['2026-01', 'IN_HOUSE', 2], ['2026-02', 'EXTERNAL', 1]]);
    expect(answer.byMeasure.map((x) => [x.measureCode, x.followUpMode, x.placed])).toEqual([['INDJOBSTOT', 'IN_HOUSE', 2], ['INDOPPFAG', 'EXTERNAL', 0]]);
  });

  it('keeps only cohorts enrolled in the period', () => {
    expect(outcomes(cohortsOf(history), '2026-02', '2026-02').totals).toEqual([expect.objectContaining({ followUpMode: 'EXTERNAL', enrolled: 1 })]);
  });

  it('rounds the placement rate to three decimals (69 of 108 → 0.639)', () => {
    const many = Array.from({ length: 108 }, (_, i) => profile(`m${i}`, '2026-01-10T00:00:00Z'));
    const events = many.flatMap((p, i) => recordedAt(1 + i * 2, '0314', `case-${p.caseId}`, enrolled(p), ...(i < 69 ? [placed(p, '2026-03-10T00:00:00Z')] : [])));
    expect(outcomes(cohortsOf(events), '2026-01', '2026-01').totals[0]).toMatchObject({ enrolled: 108, placed: 69, active: 39, placementRate: 0.639 });
  });

  it('counts external cases per provider for the national view', () => {
    const rows = [...foldInMemory(outcomesProjection, history)].filter(([k]) => k.startsWith('p|')).map(([, d]) => d as ProviderCohort);
    expect(providerOutcomes(rows)).toEqual([{ providerOrgNumber: '889640782', enrolled: 1, placed: 0, placementRate: 0, offices: ['0314'] }]);
  });

  it('changes nothing when the same event is applied twice', () => {
    expect(foldInMemory(outcomesProjection, [...history, ...history])).toEqual(foldInMemory(outcomesProjection, history));
  });
});

describe('follow-up gaps view', () => {
  const d = profile('d', '2026-03-01T10:00:00Z', true);
  const e = profile('e', '2026-03-01T10:00:00Z', true);
  const f = profile('f', '2026-03-01T10:00:00Z', false);
  const events = [
    ...recordedAt(1, '0314', 'case-d', enrolled(d), followedUp('d', '2026-04-20T10:00:00Z')),
    ...recordedAt(3, '0314', 'case-e', enrolled(e)),
    ...recordedAt(4, '0314', 'case-f', enrolled(f)),
    ...recordedAt(5, '0314', 'case-c', enrolled(c), exited(c, '2026-03-01T10:00:00Z')),
  ];
  const gaps = (days: number, now: string) => followUpGaps(foldInMemory(followUpGapsProjection, events).values() as Iterable<ActiveCase>, days, now);

  it('lists active external cases with no follow-up for at least N days, since enrolment when none', () => {
    expect(gaps(30, '2026-05-01T10:00:00Z')).toEqual([
      { caseId: 'e', clientRef: 'ref-e', measureCode: 'INDOPPFAG', providerOrgNumber: '889640782', lastFollowUpAt: null, daysWithout: 61 },
    ]);
    expect(gaps(10, '2026-05-01T10:00:00Z').map((g) => [g.caseId, g.daysWithout])).toEqual([['e', 61], ['d', 11]]);
  });

  it('drops a case from the view once it closes', () => {
    expect(foldInMemory(followUpGapsProjection, events).has('a|0314|c')).toBe(false);
  });

  it('changes nothing when the same event is applied twice', () => {
    expect(foldInMemory(followUpGapsProjection, [...events, ...events])).toEqual(foldInMemory(followUpGapsProjection, events));
  });
});
