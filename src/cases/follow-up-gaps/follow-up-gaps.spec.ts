import { ProjectionSpecification } from '../../../libs/projections/src/testing/projection-spec.js';
import { recordedAt } from '../../shared/views/recorded.js';
import { caseProfile, enrolled, exited, followedUp, placedAt, transferredOut } from '../../shared/views/view-events.examples.js';
import { followUpGapsProjection } from './follow-up-gaps.projection.js';
import { followUpGaps } from './follow-up-gaps.query.js';

const spec = ProjectionSpecification.for(followUpGapsProjection);
const d = caseProfile('d', '2026-03-01T10:00:00Z', true);
const e = caseProfile('e', '2026-03-01T10:00:00Z', true);
const f = caseProfile('f', '2026-03-01T10:00:00Z', false);
const history = [
  ...recordedAt(1, '0314', 'case-d', enrolled(d), followedUp('d', '2026-04-20T10:00:00Z')),
  ...recordedAt(3, '0314', 'case-e', enrolled(e)),
  ...recordedAt(4, '0314', 'case-f', enrolled(f)),
];
const gapsAt = (now: string, days = 30) => (docs: Map<string, unknown>) => followUpGaps(docs.values() as never, days, now);

describe('follow-up gaps view', () => {
  it('lists active external cases with no follow-up for at least N days, since enrolment when none', () => {
    spec.given([]).when(...history).then((docs) => {
      expect(gapsAt('2026-05-01T10:00:00Z')(docs)).toEqual([
        { caseId: 'e', clientRef: 'ref-e', measureCode: 'INDOPPFAG', providerOrgNumber: '889640782', lastFollowUpAt: null, daysWithout: 61 },
      ]);
      expect(gapsAt('2026-05-01T10:00:00Z', 10)(docs).map((g) => [g.caseId, g.daysWithout])).toEqual([['e', 61], ['d', 11]]);
    });
  });

  it('keeps the latest follow-up by instant, whatever offsets were written', () => {
    spec
      .given(recordedAt(1, '0314', 'case-d', enrolled(d), followedUp('d', '2026-04-20T09:30:00Z')))
      .when(...recordedAt(3, '0314', 'case-d', followedUp('d', '2026-04-20T10:00:00+02:00'))) // 08:00Z: earlier
      .then((docs) => expect(gapsAt('2026-05-01T10:00:00Z', 1)(docs)[0]).toMatchObject({ caseId: 'd', lastFollowUpAt: '2026-04-20T09:30:00.000Z' }));
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

  it('changes nothing when the same event is applied twice', () => {
    for (const event of history) spec.given(history).when(event).thenNothingChanges();
  });
});
