import { DeciderSpecification } from '../../libs/testing/src/decider-spec.js';
import { InvalidOrgNumber, OccurredInTheFuture } from '../employers/employer.errors.js';
import { evolveCase, initialCaseState, type CaseEvent, type ClientEnrolled, type ClientPlaced } from './case.js';
import {
  BeforeCaseStarted,
  CaseAlreadyClosed,
  CaseAlreadyExists,
  CaseNotFound,
  InvalidEmploymentPercent,
  ProviderNotAllowed,
  ProviderRequired,
  TransferToSameOffice,
} from './case.errors.js';
import { enrolClient } from './enrol-client/enrol-client.decide.js';
import { exitClient } from './exit-client/exit-client.decide.js';
import { placeClient } from './place-client/place-client.decide.js';
import { recordFollowUp } from './record-follow-up/record-follow-up.decide.js';
import { receiveTransferredCase, transferCase } from './transfer-case/transfer-case.decide.js';

const now = '2026-05-01T12:00:00.000Z';
const model = { evolve: evolveCase, initialState: initialCaseState };
const enrol = DeciderSpecification.for({ decide: enrolClient, ...model });
const followUp = DeciderSpecification.for({ decide: recordFollowUp, ...model });
const place = DeciderSpecification.for({ decide: placeClient, ...model });
const exit = DeciderSpecification.for({ decide: exitClient, ...model });
const transfer = DeciderSpecification.for({ decide: transferCase, ...model });

const profile = {
  caseId: 'case-1',
  clientRef: 'a'.repeat(64),
  needGroup: 'SITUATIONAL' as const,
  followUpMode: 'EXTERNAL' as const,
  measureCode: 'INDOPPFAG' as const,
  providerOrgNumber: '889640782',
  startedAt: '2026-01-10T09:00:00.000Z',
};
const enrolled: ClientEnrolled = { type: 'ClientEnrolled', data: { ...profile, occurredAt: profile.startedAt, navIdent: 'Z123456' } };
const enrolment = { ...profile, occurredAt: profile.startedAt, navIdent: 'Z123456', now };
const placement = {
  caseId: 'case-1', orgNumber: '974760673', startDate: '2026-05-15', employmentPercent: 80,
  employmentType: 'PERMANENT' as const, wageSubsidy: false, occurredAt: '2026-04-30T10:00:00.000Z', navIdent: 'Z123456', now,
};
const placed: ClientPlaced = {
  type: 'ClientPlaced',
  data: { ...profile, orgNumber: '974760673', startDate: '2026-05-15', employmentPercent: 80, employmentType: 'PERMANENT', wageSubsidy: false, occurredAt: placement.occurredAt, navIdent: 'Z123456' },
};
const exited: CaseEvent = { type: 'ClientExited', data: { ...profile, reason: 'NO_JOB', occurredAt: '2026-03-01T00:00:00.000Z', navIdent: 'Z123456' } };
const transferredOut: CaseEvent = {
  type: 'ClientTransferredOut',
  data: { ...profile, toOfficeNumber: '5001', newCaseId: 'case-2', occurredAt: '2026-03-01T00:00:00.000Z', navIdent: 'Z123456' },
};
const followUpCommand = { caseId: 'case-1', kind: 'PROVIDER_CONTACT' as const, occurredAt: '2026-02-01T10:00:00.000Z', navIdent: 'Z123456', now };

describe('enrolling a client', () => {
  it('enrols with external follow-up and a provider', () => {
    enrol.given([]).when(enrolment).then([enrolled]);
  });

  it('enrols in-house without a provider', () => {
    const inHouse = { ...enrolment, followUpMode: 'IN_HOUSE' as const, measureCode: 'INDJOBSTOT' as const, providerOrgNumber: undefined };
    enrol.given([]).when(inHouse).then([
      { type: 'ClientEnrolled', data: { ...profile, followUpMode: 'IN_HOUSE', measureCode: 'INDJOBSTOT', providerOrgNumber: undefined, occurredAt: profile.startedAt, navIdent: 'Z123456' } },
    ]);
  });

  it('refuses external follow-up without a provider', () => {
    enrol.given([]).when({ ...enrolment, providerOrgNumber: undefined }).thenThrows(ProviderRequired);
  });

  it('refuses in-house follow-up with a provider', () => {
    enrol.given([]).when({ ...enrolment, followUpMode: 'IN_HOUSE' }).thenThrows(ProviderNotAllowed);
  });

  it('refuses a provider whose organisation number fails the check', () => {
    enrol.given([]).when({ ...enrolment, providerOrgNumber: '889640783' }).thenThrows(InvalidOrgNumber, (e) => expect(e.path).toBe('providerOrgNumber'));
  });

  it('refuses an enrolment in the future', () => {
    enrol.given([]).when({ ...enrolment, occurredAt: '2026-05-01T12:10:00.000Z' }).thenThrows(OccurredInTheFuture);
  });

  it('refuses enrolling a case id that already exists', () => {
    enrol.given([enrolled]).when(enrolment).thenThrows(CaseAlreadyExists);
  });
});

describe('following up a case', () => {
  it('records a follow-up on an active case', () => {
    followUp.given([enrolled]).when(followUpCommand).then([
      { type: 'ClientFollowUpRecorded', data: { caseId: 'case-1', kind: 'PROVIDER_CONTACT', occurredAt: followUpCommand.occurredAt, navIdent: 'Z123456' } },
    ]);
  });

  it('refuses a follow-up on an unknown case', () => {
    followUp.given([]).when(followUpCommand).thenThrows(CaseNotFound);
  });

  it('refuses a follow-up before the enrolment', () => {
    followUp.given([enrolled]).when({ ...followUpCommand, occurredAt: '2026-01-09T00:00:00.000Z' }).thenThrows(BeforeCaseStarted);
  });

  it('refuses a follow-up in the future', () => {
    followUp.given([enrolled]).when({ ...followUpCommand, occurredAt: '2026-05-02T00:00:00.000Z' }).thenThrows(OccurredInTheFuture);
  });

  it.each([
    ['placed', placed],
    ['exited', exited],
    ['transferred', transferredOut],
  ])('refuses a follow-up on a %s case', (status, closing) => {
    followUp.given([enrolled, closing]).when(followUpCommand).thenThrows(CaseAlreadyClosed, (e) => {
      expect(e.code).toBe('CASE.ALREADY_CLOSED');
      expect(e.message).toContain(status);
    });
  });
});

describe('placing a client in a job', () => {
  it('places an active client, carrying the case profile for the views', () => {
    place.given([enrolled]).when(placement).then([placed]);
  });

  it('rejects a placement on a closed case', () => {
    place.given([enrolled, exited]).when(placement).thenThrows(CaseAlreadyClosed);
    place.given([enrolled, placed]).when(placement).thenThrows(CaseAlreadyClosed);
  });

  it('refuses a placement at an invalid employer', () => {
    place.given([enrolled]).when({ ...placement, orgNumber: '974760674' }).thenThrows(InvalidOrgNumber);
  });

  it('refuses an employment percent outside 1–100', () => {
    place.given([enrolled]).when({ ...placement, employmentPercent: 0 }).thenThrows(InvalidEmploymentPercent);
    place.given([enrolled]).when({ ...placement, employmentPercent: 101 }).thenThrows(InvalidEmploymentPercent);
  });

  it('refuses a placement on an unknown case or before enrolment', () => {
    place.given([]).when(placement).thenThrows(CaseNotFound);
    place.given([enrolled]).when({ ...placement, occurredAt: '2025-12-31T00:00:00.000Z' }).thenThrows(BeforeCaseStarted);
  });
});

describe('exiting a client', () => {
  const exitCommand = { caseId: 'case-1', reason: 'NO_JOB' as const, occurredAt: '2026-03-01T00:00:00.000Z', navIdent: 'Z123456', now };

  it('exits an active case with a reason', () => {
    exit.given([enrolled]).when(exitCommand).then([exited]);
  });

  it('refuses exiting a case that is already closed', () => {
    exit.given([enrolled, exited]).when(exitCommand).thenThrows(CaseAlreadyClosed);
  });
});

describe('transferring a case to another office', () => {
  const transferCommand = {
    caseId: 'case-1', fromOfficeNumber: '0314', toOfficeNumber: '5001', newCaseId: 'case-2',
    occurredAt: '2026-03-01T00:00:00.000Z', navIdent: 'Z123456', now,
  };

  it('ends the case at the sending office', () => {
    transfer.given([enrolled]).when(transferCommand).then([transferredOut]);
  });

  it('starts the case again at the receiving office under its new id', () => {
    const out = transferCase(transferCommand, evolveCase(initialCaseState(), enrolled))[0]!;
    expect(receiveTransferredCase({ fromOfficeNumber: '0314', transferredOut: out.data }, initialCaseState())).toEqual([
      {
        type: 'ClientTransferredIn',
        data: {
          ...profile, caseId: 'case-2', startedAt: '2026-03-01T00:00:00.000Z', fromOfficeNumber: '0314', fromCaseId: 'case-1',
          enrolledAt: profile.startedAt, occurredAt: '2026-03-01T00:00:00.000Z', navIdent: 'Z123456',
        },
      },
    ]);
  });

  it('refuses a transfer to the same office', () => {
    transfer.given([enrolled]).when({ ...transferCommand, toOfficeNumber: '0314' }).thenThrows(TransferToSameOffice);
  });

  it('refuses transferring a closed case', () => {
    transfer.given([enrolled, transferredOut]).when(transferCommand).thenThrows(CaseAlreadyClosed);
  });

  it('continues at the new office: follow-ups may not predate the arrival', () => {
    const arrived = receiveTransferredCase({ fromOfficeNumber: '0314', transferredOut: transferredOut.data as never }, initialCaseState());
    followUp.given(arrived).when({ ...followUpCommand, caseId: 'case-2', occurredAt: '2026-02-15T00:00:00.000Z' }).thenThrows(BeforeCaseStarted);
    followUp.given(arrived).when({ ...followUpCommand, caseId: 'case-2', occurredAt: '2026-03-15T00:00:00.000Z' }).then([
      { type: 'ClientFollowUpRecorded', data: { caseId: 'case-2', kind: 'PROVIDER_CONTACT', occurredAt: '2026-03-15T00:00:00.000Z', navIdent: 'Z123456' } },
    ]);
  });
});
