import { DeciderSpecification } from '@app/testing';
import { evolveCase, initialCaseState } from '../case.js';
import { BeforeCaseStarted, CaseAlreadyClosed, CaseNotFound, OccurredInTheFuture } from '../case.errors.js';
import { closings, enrolled, navIdent, now, profile } from '../case.examples.js';
import type { ExitClient } from './exit-client.decide.js';
import { exitClient } from './exit-client.decide.js';

const spec = DeciderSpecification.for({ decide: exitClient, evolve: evolveCase, initialState: initialCaseState });

const exit: ExitClient = { caseId: 'case-1', reason: 'EDUCATION', occurredAt: '2026-04-01T09:00:00.000Z', navIdent, now };

describe('exiting a client', () => {
  it('ends an active case with the reason, carrying the case profile', () => {
    spec
      .given([enrolled])
      .when(exit)
      .then([{ type: 'ClientExited', data: { ...profile, reason: 'EDUCATION', occurredAt: exit.occurredAt, navIdent } }]);
  });

  it('refuses exiting a case with no events', () => {
    spec
      .given([])
      .when(exit)
      .thenThrows(CaseNotFound, (e) => expect(e.kind).toBe('not_found'));
  });

  it.each(closings)('refuses exiting a %s case', (_status, closing) => {
    spec
      .given([enrolled, closing])
      .when(exit)
      .thenThrows(CaseAlreadyClosed, (e) => {
        expect(e).toMatchObject({ code: 'CASE.ALREADY_CLOSED', kind: 'conflict' });
      });
  });

  it('refuses an exit before the enrolment, or more than five minutes in the future', () => {
    spec
      .given([enrolled])
      .when({ ...exit, occurredAt: '2026-01-10T08:59:59.000Z' })
      .thenThrows(BeforeCaseStarted);
    spec
      .given([enrolled])
      .when({ ...exit, occurredAt: '2026-05-02T12:00:00.000Z' })
      .thenThrows(OccurredInTheFuture);
  });
});
