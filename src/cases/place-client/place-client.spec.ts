import { DeciderSpecification } from '@app/testing';
import { evolveCase, initialCaseState } from '../case.js';
import {
  BeforeCaseStarted,
  CaseAlreadyClosed,
  CaseNotFound,
  InvalidEmploymentPercent,
  InvalidOrgNumber,
  OccurredInTheFuture,
} from '../case.errors.js';
import { closings, enrolled, navIdent, now, profile } from '../case.examples.js';
import type { PlaceClient } from './place-client.decide.js';
import { placeClient } from './place-client.decide.js';

const spec = DeciderSpecification.for({ decide: placeClient, evolve: evolveCase, initialState: initialCaseState });

const placement: PlaceClient = {
  caseId: 'case-1',
  orgNumber: '974760673',
  startDate: '2026-05-15',
  employmentPercent: 80,
  employmentType: 'PERMANENT',
  wageSubsidy: true,
  occurredAt: '2026-04-30T10:00:00.000Z',
  navIdent,
  now,
};
const placed = (overrides: Partial<PlaceClient> = {}) => {
  const { caseId: _caseId, now: _now, ...facts } = { ...placement, ...overrides };
  return { type: 'ClientPlaced' as const, data: { ...profile, ...facts } };
};

describe('placing a client in a job', () => {
  it('places an active client, carrying the case profile so views need no lookup', () => {
    spec.given([enrolled]).when(placement).then([placed()]);
  });

  it('refuses a placement on a case with no events', () => {
    spec
      .given([])
      .when(placement)
      .thenThrows(CaseNotFound, (e) => expect(e.code).toBe('CASE.NOT_FOUND'));
  });

  it.each(closings)('refuses a placement on a %s case', (_status, closing) => {
    spec
      .given([enrolled, closing])
      .when(placement)
      .thenThrows(CaseAlreadyClosed, (e) => {
        expect(e).toMatchObject({ code: 'CASE.ALREADY_CLOSED', kind: 'conflict' });
      });
  });

  it('refuses a placement at an employer whose organisation number fails the check', () => {
    spec
      .given([enrolled])
      .when({ ...placement, orgNumber: '974760674' })
      .thenThrows(InvalidOrgNumber, (e) => {
        expect(e).toMatchObject({ code: 'ORG_NUMBER.INVALID', path: 'orgNumber' });
      });
  });

  it.each([1, 100])('accepts an employment percent of %d', (employmentPercent) => {
    spec
      .given([enrolled])
      .when({ ...placement, employmentPercent })
      .then([placed({ employmentPercent })]);
  });

  it.each([0, 101, 50.5, -20])('refuses an employment percent of %d', (employmentPercent) => {
    spec
      .given([enrolled])
      .when({ ...placement, employmentPercent })
      .thenThrows(InvalidEmploymentPercent, (e) => {
        expect(e).toMatchObject({ kind: 'invalid', path: 'employmentPercent' });
      });
  });

  it('accepts a placement registered at the moment of enrolment', () => {
    spec
      .given([enrolled])
      .when({ ...placement, occurredAt: profile.startedAt })
      .then([placed({ occurredAt: profile.startedAt })]);
  });

  it('refuses a placement before the enrolment, or more than five minutes in the future', () => {
    spec
      .given([enrolled])
      .when({ ...placement, occurredAt: '2025-12-31T00:00:00.000Z' })
      .thenThrows(BeforeCaseStarted);
    spec
      .given([enrolled])
      .when({ ...placement, occurredAt: '2026-05-01T13:00:00.000Z' })
      .thenThrows(OccurredInTheFuture);
  });
});
