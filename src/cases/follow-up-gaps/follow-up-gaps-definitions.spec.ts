import { selectDocs } from '@app/projections';
import { ProjectionSpecification } from '@app/projections/testing';
import { recordedAt } from '../../../test/views/recorded.js';
import { caseProfile, enrolled, followedUp } from '../../../test/views/view-events.examples.js';
import { followUpGapsProjection, type ActiveCase } from './follow-up-gaps.projection.js';
import { followUpGaps } from './follow-up-gaps.answer.js';

/** The rules of docs/api.md, "Definitions", that the follow-up gaps view follows, each at its edge. */
const spec = ProjectionSpecification.for(followUpGapsProjection);
const quiet = caseProfile('q', '2026-03-01T10:00:00Z', true);
const seen = caseProfile('s', '2026-02-01T10:00:00Z', true);
const history = [
  ...recordedAt(1, '0314', 'case-q', enrolled(quiet)),
  ...recordedAt(2, '0314', 'case-s', enrolled(seen), followedUp('s', '2026-03-01T10:00:00+01:00')),
];
const gapsAt = (now: string, days: number) => (docs: Map<string, unknown>) =>
  followUpGaps(selectDocs(docs, { prefix: 'a|' }).values() as Iterable<ActiveCase>, days, now).map((g) => [
    g.caseId,
    g.lastFollowUpAt,
    g.daysWithout,
  ]);

describe('follow-up gaps definitions', () => {
  it('counts whole elapsed 24-hour periods: one millisecond short of 30 × 24 h is 29 days, and no gap at days=30', () => {
    spec
      .given([])
      .when(...history)
      .then((docs) => {
        expect(gapsAt('2026-03-31T09:59:59.999Z', 30)(docs)).toEqual([['s', '2026-03-01T09:00:00.000Z', 30]]);
        expect(gapsAt('2026-03-31T09:59:59.999Z', 29)(docs)).toEqual([
          ['s', '2026-03-01T09:00:00.000Z', 30],
          ['q', null, 29],
        ]);
      });
  });

  it('lists a case once exactly `days` × 24 h have passed (the threshold is included)', () => {
    spec
      .given([])
      .when(...history)
      .then((docs) =>
        expect(gapsAt('2026-03-31T10:00:00Z', 30)(docs)).toEqual([
          ['q', null, 30],
          ['s', '2026-03-01T09:00:00.000Z', 30],
        ]),
      );
  });

  it('gives lastFollowUpAt null for a case with no follow-up, and counts its gap from the start', () => {
    spec
      .given([])
      .when(...history)
      .then((docs) => expect(gapsAt('2026-04-10T10:00:00Z', 1)(docs)).toContainEqual(['q', null, 40]));
  });
});
