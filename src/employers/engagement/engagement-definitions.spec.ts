import { ProjectionSpecification } from '@app/projections/testing';
import { recordedAt } from '../../../test/views/recorded.js';
import { caseProfile, contacted, needClosed, needRegistered, placedAt } from '../../../test/views/view-events.examples.js';
import { engagementProjection } from './engagement.projection.js';
import { engagementMonths } from './engagement.answer.js';

/** The rules of docs/api.md, "Definitions", that the engagement view follows, each at its edge. */
const spec = ProjectionSpecification.for(engagementProjection);
const client = caseProfile('case-1', '2026-01-01T00:00:00Z');
const month =
  (m: string, office = '0314') =>
  (docs: Map<string, unknown>) =>
    engagementMonths(office, m, m, docs)[0]!;
const PLACED_AT = '2026-04-15T10:00:00Z';
const placed = recordedAt(10, '0314', 'case-1', placedAt(client, '974760673', PLACED_AT));

describe('engagement definitions', () => {
  it('counts a placement after contact when the contact lies exactly 90 × 24 h before it (both ends included)', () => {
    spec
      .given(recordedAt(1, '0314', 'employer-a', contacted('974760673', '2026-01-15T10:00:00Z'))) // 90 days before, to the millisecond
      .when(...placed)
      .then((docs) => expect(month('2026-04')(docs)).toMatchObject({ placements: 1, placementsAfterContact: 1 }));
  });

  it('does not count a contact one millisecond more than 90 × 24 h before', () => {
    spec
      .given(recordedAt(1, '0314', 'employer-a', contacted('974760673', '2026-01-15T09:59:59.999Z')))
      .when(...placed)
      .then((docs) => expect(month('2026-04')(docs)).toMatchObject({ placements: 1, placementsAfterContact: 0 }));
  });

  it('counts a contact at the very instant of the placement, and a late-recorded one at the edge of the window', () => {
    spec
      .given(recordedAt(1, '0314', 'employer-a', contacted('974760673', PLACED_AT)))
      .when(...placed)
      .then((docs) => expect(month('2026-04')(docs)).toMatchObject({ placementsAfterContact: 1 }));
    spec
      .given(placed)
      .when(...recordedAt(20, '0314', 'employer-a', contacted('974760673', '2026-01-15T10:00:00Z')))
      .then((docs) => expect(month('2026-04')(docs)).toMatchObject({ placementsAfterContact: 1 }));
  });

  it('counts only contacts by the same office at the same employer', () => {
    spec
      .given(
        recordedAt(1, '5001', 'employer-a', contacted('974760673', '2026-04-01T10:00:00Z'), contacted('889640782', '2026-04-02T10:00:00Z')),
      )
      .when(...placed)
      .then((docs) => expect(month('2026-04')(docs)).toMatchObject({ placements: 1, placementsAfterContact: 0 }));
  });

  it('counts a filled recruitment need in the month it was closed, not the month it was registered', () => {
    spec
      .given(recordedAt(1, '0314', 'employer-a', needRegistered('n1', '974760673', '2026-03-30T10:00:00Z')))
      .when(...recordedAt(2, '0314', 'employer-a', needClosed('n1', '974760673', 'FILLED', '2026-04-02T10:00:00Z')))
      .then((docs) => {
        expect(month('2026-03')(docs)).toMatchObject({ recruitmentNeedsOpened: 1, recruitmentNeedsFilled: 0 });
        expect(month('2026-04')(docs)).toMatchObject({ recruitmentNeedsOpened: 0, recruitmentNeedsFilled: 1 });
      });
  });

  it('rounds contactsPerAdvisor to 2 decimals, a half up: 201 contacts by 200 advisors are 1.01', () => {
    const advisors = Array.from({ length: 200 }, (_, i) => `Z${String(100000 + i)}`);
    const contacts = [...advisors, advisors[0]!].map((by, i) => contacted('974760673', `2026-03-0${1 + (i % 9)}T10:00:00Z`, by));
    spec
      .given([])
      .when(...recordedAt(1, '0314', 'employer-a', ...contacts))
      .then((docs) =>
        expect(month('2026-03')(docs)).toMatchObject({ employerContacts: 201, activeAdvisors: 200, contactsPerAdvisor: 1.01 }),
      );
  });
});
