import { DeciderSpecification } from '@app/testing';
import { evolveCase, initialCaseState } from '../case.js';
import { BeforeCaseStarted, CaseAlreadyClosed, CaseNotFound, OccurredInTheFuture } from '../case.errors.js';
import { closings, enrolled, navIdent, now } from '../case.examples.js';
import type { RecordFollowUp } from './record-follow-up.decide.js';
import { recordFollowUp } from './record-follow-up.decide.js';

const spec = DeciderSpecification.for({ decide: recordFollowUp, evolve: evolveCase, initialState: initialCaseState });

const followUp: RecordFollowUp = { caseId: 'case-1', kind: 'PROVIDER_CONTACT', occurredAt: '2026-02-01T10:00:00.000Z', navIdent, now };
const recorded = (occurredAt: string) => ({
  type: 'ClientFollowUpRecorded' as const,
  data: { caseId: 'case-1', kind: 'PROVIDER_CONTACT' as const, occurredAt, navIdent },
});

describe('recording a follow-up', () => {
  it('records a follow-up on an active case', () => {
    spec
      .given([enrolled])
      .when(followUp)
      .then([recorded(followUp.occurredAt)]);
  });

  it('records any number of follow-ups, in any order of occurrence', () => {
    spec
      .given([enrolled, recorded('2026-03-01T00:00:00.000Z')])
      .when(followUp)
      .then([recorded(followUp.occurredAt)]);
  });

  it('refuses a follow-up on a case with no events', () => {
    spec
      .given([])
      .when(followUp)
      .thenThrows(CaseNotFound, (e) => {
        expect(e).toMatchObject({ code: 'CASE.NOT_FOUND', kind: 'not_found' });
      });
  });

  it.each(closings)('refuses a follow-up on a %s case', (status, closing) => {
    spec
      .given([enrolled, closing])
      .when(followUp)
      .thenThrows(CaseAlreadyClosed, (e) => {
        expect(e).toMatchObject({ code: 'CASE.ALREADY_CLOSED', kind: 'conflict' });
        expect(e.message).toContain(status);
      });
  });

  it('accepts a follow-up at the very moment of enrolment', () => {
    spec
      .given([enrolled])
      .when({ ...followUp, occurredAt: '2026-01-10T10:00:00+01:00' })
      .then([recorded('2026-01-10T10:00:00+01:00')]);
  });

  it('refuses a follow-up before the enrolment, comparing instants rather than text', () => {
    // 10:30 at +02:00 is 08:30Z: before the 09:00Z enrolment though it reads later.
    spec
      .given([enrolled])
      .when({ ...followUp, occurredAt: '2026-01-10T10:30:00+02:00' })
      .thenThrows(BeforeCaseStarted, (e) => {
        expect(e).toMatchObject({ code: 'OCCURRED_AT.BEFORE_ENROLMENT', kind: 'invalid', path: 'occurredAt' });
      });
  });

  it('accepts a follow-up five minutes ahead of the clock but refuses one further ahead', () => {
    spec
      .given([enrolled])
      .when({ ...followUp, occurredAt: '2026-05-01T12:05:00.000Z' })
      .then([recorded('2026-05-01T12:05:00.000Z')]);
    spec
      .given([enrolled])
      .when({ ...followUp, occurredAt: '2026-05-01T12:05:00.001Z' })
      .thenThrows(OccurredInTheFuture);
  });
});
