import { foldInMemory } from '@app/projections';
import { selectDocs } from '@app/projections';
import { ProjectionSpecification } from '@app/projections/testing';
import { recordedAt } from '../../../test/views/recorded.js';
import { caseProfile, enrolled, exited, followedUp, placedAt, transferredOut } from '../../../test/views/view-events.examples.js';
import {
  activeCasePrefix,
  followUpGapsProjection,
  openCasesKey,
  type ActiveCase,
  type OfficeOpenCases,
} from './follow-up-gaps.projection.js';
import { followUpGapCountRanges, followUpGapCounts, followUpGaps } from './follow-up-gaps.answer.js';

const spec = ProjectionSpecification.for(followUpGapsProjection);
const d = caseProfile('d', '2026-03-01T10:00:00Z', true);
const e = caseProfile('e', '2026-03-01T10:00:00Z', true);
const f = caseProfile('f', '2026-03-01T10:00:00Z', false);
const history = [
  ...recordedAt(1, '0314', 'case-d', enrolled(d), followedUp('d', '2026-04-20T10:00:00Z')),
  ...recordedAt(3, '0314', 'case-e', enrolled(e)),
  ...recordedAt(4, '0314', 'case-f', enrolled(f)),
];
/** Three offices: follow-ups late, early and at odd offsets, in-house cases, closes, a transfer, one office whose cases all close. */
const g = caseProfile('g', '2026-02-27T23:59:59.999Z', true);
const h = caseProfile('h', '2026-03-02T00:00:00+01:00', true);
const k = caseProfile('k', '2026-03-05T08:00:00Z', false);
const m = caseProfile('m', '2026-03-10T12:00:00Z', true);
const n = caseProfile('n', '2026-03-12T12:00:00Z', true);
const varied = [
  ...history,
  ...recordedAt(
    10,
    '5001',
    'case-g',
    enrolled(g),
    followedUp('g', '2026-03-20T10:00:00+02:00'),
    followedUp('g', '2026-03-15T10:00:00Z'),
    followedUp('g', '2026-04-02T00:00:00.000Z'),
  ),
  ...recordedAt(20, '5001', 'case-h', enrolled(h)),
  ...recordedAt(21, '5001', 'case-k', enrolled(k), followedUp('k', '2026-03-06T08:00:00Z')),
  ...recordedAt(23, '1201', 'case-m', enrolled(m), followedUp('m', '2026-03-11T12:00:00Z')),
  ...recordedAt(25, '1201', 'case-n', enrolled(n)),
  ...recordedAt(26, '1201', 'case-m', exited(m, '2026-03-20T12:00:00Z')),
  ...recordedAt(27, '1201', 'case-n', transferredOut(n, '5001', 'n2', '2026-03-21T12:00:00Z')),
  ...recordedAt(28, '5001', 'case-n2', {
    type: 'ClientTransferredIn',
    data: {
      ...n,
      caseId: 'n2',
      startedAt: '2026-03-21T12:00:00Z',
      fromOfficeNumber: '1201',
      fromCaseId: 'n',
      enrolledAt: n.startedAt,
      occurredAt: '2026-03-21T12:00:00Z',
      navIdent: 'Z123456',
    },
  }),
  ...recordedAt(29, '0314', 'case-d', followedUp('d', '2026-05-03T10:00:00Z'), followedUp('d', '2026-04-01T10:00:00Z')),
  ...recordedAt(31, '0314', 'case-e', followedUp('e', '2026-04-10T12:00:00Z')),
];
const gapsAt =
  (now: string, days = 30) =>
  (docs: Map<string, unknown>) =>
    followUpGaps(selectDocs(docs, { prefix: 'a|' }).values() as Iterable<ActiveCase>, days, now);

describe('follow-up gaps view', () => {
  it('lists active external cases with no follow-up for at least N days, since enrolment when none', () => {
    spec
      .given([])
      .when(...history)
      .then((docs) => {
        expect(gapsAt('2026-05-01T10:00:00Z')(docs)).toEqual([
          {
            caseId: 'e',
            subjectId: 'ref-e',
            measureCode: 'INDOPPFAG',
            providerOrgNumber: '889640782',
            lastFollowUpAt: null,
            daysWithout: 61,
          },
        ]);
        expect(gapsAt('2026-05-01T10:00:00Z', 10)(docs).map((g) => [g.caseId, g.daysWithout])).toEqual([
          ['e', 61],
          ['d', 11],
        ]);
      });
  });

  it('keeps the latest follow-up by instant, whatever offsets were written', () => {
    spec
      .given(recordedAt(1, '0314', 'case-d', enrolled(d), followedUp('d', '2026-04-20T09:30:00Z')))
      .when(...recordedAt(3, '0314', 'case-d', followedUp('d', '2026-04-20T10:00:00+02:00'))) // 08:00Z: earlier
      .then((docs) =>
        expect(gapsAt('2026-05-01T10:00:00Z', 1)(docs)[0]).toMatchObject({ caseId: 'd', lastFollowUpAt: '2026-04-20T09:30:00.000Z' }),
      );
  });

  it('drops a case from the view once it is placed, exits or is transferred away', () => {
    spec
      .given(history)
      .when(
        ...recordedAt(5, '0314', 'case-d', placedAt(d, '974760673', '2026-05-01T10:00:00Z')),
        ...recordedAt(6, '0314', 'case-e', exited(e, '2026-05-01T10:00:00Z')),
        ...recordedAt(7, '0314', 'case-f', transferredOut(f, '5001', 'f2', '2026-05-01T10:00:00Z')),
      )
      .then((docs) => expect([...docs.keys()]).toEqual([]));
  });

  it('keeps a tally per office: its active cases, and the external ones by the UTC day they went quiet', () => {
    spec
      .given(history)
      .when(...recordedAt(5, '0314', 'case-e', followedUp('e', '2026-04-30T23:30:00-02:00'))) // 1 May UTC
      .then((docs) => {
        expect(docs.get(openCasesKey('0314'))).toEqual({
          officeNumber: '0314',
          active: 3,
          externalQuietSince: { '2026-04-20': 1, '2026-05-01': 1 },
        });
        expect(docs.get('a|0314|e')).toMatchObject({ byQuietSince: '2026-05-01T01:30:00.000Z|0314|e' });
        expect(docs.get('a|0314|f')).not.toHaveProperty('byQuietSince');
      });
  });

  it('counts per office exactly the gaps the view lists, for any now and any number of days', () => {
    const docs = foldInMemory(followUpGapsProjection, varied);
    const offices = ['0314', '5001', '1201'];
    const cases = [...selectDocs(docs, { prefix: 'a|' }).values()] as ActiveCase[];
    // Every instant where a case turns into a gap, a millisecond either side, and some days around.
    const moments = (days: number) => [
      ...cases.flatMap((c) =>
        [-1, 0, 1].map((ms) => new Date(Date.parse(c.lastFollowUpAt ?? c.startedAt) + days * 86_400_000 + ms).toISOString()),
      ),
      ...Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2026, 2, 1) + i * 3.7 * 86_400_000).toISOString()),
    ];
    let gapsSeen = 0;
    for (const days of [1, 10, 30, 45]) {
      for (const now of moments(days)) {
        const ranges = followUpGapCountRanges(days, now);
        const tallies = selectDocs(docs, ranges.tallies).values() as Iterable<OfficeOpenCases>;
        const counts = followUpGapCounts(tallies, selectDocs(docs, ranges.cutoffDay) as Map<string, ActiveCase>, days, now);
        for (const office of offices) {
          const listed = followUpGaps(
            selectDocs(docs, { prefix: activeCasePrefix(office) }).values() as Iterable<ActiveCase>,
            days,
            now,
          ).length;
          expect([office, days, now, counts.get(office) ?? 0]).toEqual([office, days, now, listed]);
          gapsSeen += listed;
        }
      }
    }
    expect(gapsSeen).toBeGreaterThan(100);
  });

  it('has a tally for exactly the offices with an active case, and reads only those asked for', () => {
    const docs = foldInMemory(followUpGapsProjection, varied);
    const withCases = new Set([...selectDocs(docs, { prefix: 'a|' }).keys()].map((key) => key.split('|')[1]));
    expect(
      new Set(
        [...selectDocs(docs, followUpGapCountRanges(30, '2026-06-01T00:00:00Z').tallies).values()].map(
          (t) => (t as OfficeOpenCases).officeNumber,
        ),
      ),
    ).toEqual(withCases);
    expect(withCases).toEqual(new Set(['0314', '5001']));
    expect([...selectDocs(docs, followUpGapCountRanges(30, '2026-06-01T00:00:00Z', ['5001', '1201']).tallies).keys()]).toEqual([
      openCasesKey('5001'),
    ]);
  });

  it('changes nothing when the same event is applied twice', () => {
    for (const event of history) spec.given(history).when(event).thenNothingChanges();
    for (const event of varied) spec.given(varied).when(event).thenNothingChanges();
  });
});
