import { DeciderSpecification } from '@app/testing';
import { evolveCase, initialCaseState } from '../case.js';
import {
  CaseAlreadyExists,
  InvalidSubjectId,
  InvalidOccurredAt,
  InvalidOrgNumber,
  OccurredInTheFuture,
  ProviderNotAllowed,
  ProviderRequired,
} from '../case.errors.js';
import { enrolled, navIdent, now, profile } from '../case.examples.js';
import type { EnrolClient } from './enrol-client.decide.js';
import { enrolClient } from './enrol-client.decide.js';

const spec = DeciderSpecification.for({ decide: enrolClient, evolve: evolveCase, initialState: initialCaseState });

const enrolment: EnrolClient = {
  caseId: profile.caseId,
  subjectId: profile.subjectId,
  needGroup: profile.needGroup,
  followUpMode: 'EXTERNAL',
  measureCode: 'INDOPPFAG',
  providerOrgNumber: '889640782',
  occurredAt: profile.startedAt,
  navIdent,
  now,
};
const inHouse: EnrolClient = { ...enrolment, followUpMode: 'IN_HOUSE', measureCode: 'INDJOBSTOT', providerOrgNumber: undefined };

describe('enrolling a client', () => {
  it('enrols a client with external follow-up at the provider given', () => {
    spec.given([]).when(enrolment).then([enrolled]);
  });

  it('refuses external follow-up without a provider', () => {
    spec
      .given([])
      .when({ ...enrolment, providerOrgNumber: undefined })
      .thenThrows(ProviderRequired, (e) => {
        expect(e).toMatchObject({ code: 'CASE.PROVIDER_REQUIRED', kind: 'invalid', path: 'providerOrgNumber' });
      });
  });

  it('enrols a client followed up in-house, with no provider', () => {
    spec
      .given([])
      .when(inHouse)
      .then([
        {
          type: 'ClientEnrolled',
          data: {
            ...profile,
            followUpMode: 'IN_HOUSE',
            measureCode: 'INDJOBSTOT',
            providerOrgNumber: undefined,
            occurredAt: profile.startedAt,
            navIdent,
          },
        },
      ]);
  });

  it('refuses in-house follow-up that names a provider', () => {
    spec
      .given([])
      .when({ ...inHouse, providerOrgNumber: '889640782' })
      .thenThrows(ProviderNotAllowed, (e) => {
        expect(e).toMatchObject({ code: 'CASE.PROVIDER_NOT_ALLOWED', kind: 'invalid' });
      });
  });

  it('takes provider-run measures in-house too: the measure only suggests who follows up', () => {
    spec
      .given([])
      .when({ ...inHouse, measureCode: 'INDOPPFAG' })
      .then([
        {
          type: 'ClientEnrolled',
          data: {
            ...profile,
            followUpMode: 'IN_HOUSE',
            measureCode: 'INDOPPFAG',
            providerOrgNumber: undefined,
            occurredAt: profile.startedAt,
            navIdent,
          },
        },
      ]);
  });

  it('refuses a provider whose organisation number fails the mod-11 check', () => {
    spec
      .given([])
      .when({ ...enrolment, providerOrgNumber: '889640783' })
      .thenThrows(InvalidOrgNumber, (e) => {
        expect(e).toMatchObject({ code: 'ORG_NUMBER.INVALID', kind: 'invalid', path: 'providerOrgNumber' });
      });
  });

  it('accepts an enrolment up to five minutes ahead of the clock, and one registered long after', () => {
    spec
      .given([])
      .when({ ...enrolment, occurredAt: '2026-05-01T12:05:00.000Z' })
      .then([
        {
          type: 'ClientEnrolled',
          data: { ...profile, startedAt: '2026-05-01T12:05:00.000Z', occurredAt: '2026-05-01T12:05:00.000Z', navIdent },
        },
      ]);
    spec
      .given([])
      .when({ ...enrolment, occurredAt: '2023-02-01T08:00:00+01:00' })
      .then([
        {
          type: 'ClientEnrolled',
          data: { ...profile, startedAt: '2023-02-01T08:00:00+01:00', occurredAt: '2023-02-01T08:00:00+01:00', navIdent },
        },
      ]);
  });

  it('refuses an enrolment more than five minutes in the future', () => {
    spec
      .given([])
      .when({ ...enrolment, occurredAt: '2026-05-01T12:05:01.000Z' })
      .thenThrows(OccurredInTheFuture, (e) => {
        expect(e).toMatchObject({ code: 'OCCURRED_AT.IN_THE_FUTURE', kind: 'invalid', path: 'occurredAt' });
      });
  });

  it('refuses an occurredAt that is no time at all', () => {
    spec
      .given([])
      .when({ ...enrolment, occurredAt: 'yesterday' })
      .thenThrows(InvalidOccurredAt);
  });

  it('refuses enrolling under a case id that is already enrolled', () => {
    spec
      .given([enrolled])
      .when(enrolment)
      .thenThrows(CaseAlreadyExists, (e) => {
        expect(e).toMatchObject({ code: 'CASE.ALREADY_EXISTS', kind: 'conflict' });
      });
  });

  it('refuses a personal id number in place of a subject id, without repeating it', () => {
    spec
      .given([])
      .when({ ...enrolment, subjectId: '13097248022' })
      .thenThrows(InvalidSubjectId, (e) => {
        expect(e).toMatchObject({ code: 'SUBJECT_ID.INVALID', kind: 'invalid', path: 'subjectId' });
        expect(e.message).not.toContain('13097248022');
      });
  });
});
