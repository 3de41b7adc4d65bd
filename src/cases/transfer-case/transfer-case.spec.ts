import { DeciderSpecification } from '@app/testing';
import { evolveCase, initialCaseState, type ClientTransferredIn, type ClientTransferredOut } from '../case.js';
import {
  BeforeCaseStarted,
  CaseAlreadyClosed,
  CaseAlreadyExists,
  CaseNotFound,
  OccurredInTheFuture,
  TransferToSameOffice,
} from '../case.errors.js';
import { closings, enrolled, navIdent, now, profile } from '../case.examples.js';
import { recordFollowUp } from '../record-follow-up/record-follow-up.decide.js';
import type { TransferCase } from './transfer-case.decide.js';
import { receiveTransferredCase, transferCase } from './transfer-case.decide.js';

const model = { evolve: evolveCase, initialState: initialCaseState };
const sending = DeciderSpecification.for({ decide: transferCase, ...model });
const receiving = DeciderSpecification.for({ decide: receiveTransferredCase, ...model });
const followUp = DeciderSpecification.for({ decide: recordFollowUp, ...model });

const transferredAt = '2026-03-01T00:00:00.000Z';
const transfer: TransferCase = {
  caseId: 'case-1',
  fromOfficeNumber: '0314',
  toOfficeNumber: '5001',
  newCaseId: 'case-2',
  occurredAt: transferredAt,
  navIdent,
  now,
};
const out: ClientTransferredOut = {
  type: 'ClientTransferredOut',
  data: { ...profile, enrolledAt: profile.startedAt, toOfficeNumber: '5001', newCaseId: 'case-2', occurredAt: transferredAt, navIdent },
};
const arrived: ClientTransferredIn = {
  type: 'ClientTransferredIn',
  data: {
    ...profile,
    caseId: 'case-2',
    startedAt: transferredAt,
    fromOfficeNumber: '0314',
    fromCaseId: 'case-1',
    enrolledAt: profile.startedAt,
    occurredAt: transferredAt,
    navIdent,
  },
};

describe('transferring a case: the sending office', () => {
  it('ends the case here, naming the office and the id it continues under', () => {
    sending.given([enrolled]).when(transfer).then([out]);
  });

  it('refuses a transfer to the office the case is already at', () => {
    sending
      .given([enrolled])
      .when({ ...transfer, toOfficeNumber: '0314' })
      .thenThrows(TransferToSameOffice, (e) => {
        expect(e).toMatchObject({ code: 'CASE.TRANSFER_TO_SAME_OFFICE', kind: 'invalid', path: 'toOfficeNumber' });
      });
  });

  it('refuses transferring a case with no events', () => {
    sending.given([]).when(transfer).thenThrows(CaseNotFound);
  });

  it.each(closings)('refuses transferring a %s case', (_status, closing) => {
    sending
      .given([enrolled, closing])
      .when(transfer)
      .thenThrows(CaseAlreadyClosed, (e) => {
        expect(e).toMatchObject({ code: 'CASE.ALREADY_CLOSED', kind: 'conflict' });
      });
  });

  it('refuses a transfer before the enrolment, or more than five minutes in the future', () => {
    sending
      .given([enrolled])
      .when({ ...transfer, occurredAt: '2026-01-01T00:00:00.000Z' })
      .thenThrows(BeforeCaseStarted);
    sending
      .given([enrolled])
      .when({ ...transfer, occurredAt: '2026-05-01T12:06:00.000Z' })
      .thenThrows(OccurredInTheFuture);
  });
});

describe('transferring a case: the receiving office', () => {
  it('starts the case on its new stream from what the sending office recorded', () => {
    receiving.given([]).when({ fromOfficeNumber: '0314', transferredOut: out.data }).then([arrived]);
  });

  it('refuses to start it on a stream that already has events', () => {
    receiving.given([arrived]).when({ fromOfficeNumber: '0314', transferredOut: out.data }).thenThrows(CaseAlreadyExists);
  });

  it('continues the case: follow-ups from the arrival on are taken, earlier ones are not', () => {
    const step = { caseId: 'case-2', kind: 'CLIENT_MEETING' as const, navIdent: 'Z654321', now };
    followUp
      .given([arrived])
      .when({ ...step, occurredAt: '2026-03-15T00:00:00.000Z' })
      .then([
        {
          type: 'ClientFollowUpRecorded',
          data: { caseId: 'case-2', kind: 'CLIENT_MEETING', occurredAt: '2026-03-15T00:00:00.000Z', navIdent: 'Z654321' },
        },
      ]);
    followUp
      .given([arrived])
      .when({ ...step, occurredAt: '2026-02-15T00:00:00.000Z' })
      .thenThrows(BeforeCaseStarted);
  });

  it('keeps the first enrolment when a case moves on a second time', () => {
    const movedOnAt = '2026-04-01T00:00:00.000Z';
    const onward: TransferCase = {
      ...transfer,
      caseId: 'case-2',
      fromOfficeNumber: '5001',
      toOfficeNumber: '1103',
      newCaseId: 'case-3',
      occurredAt: movedOnAt,
    };
    const secondOut: ClientTransferredOut = {
      type: 'ClientTransferredOut',
      data: {
        ...profile,
        caseId: 'case-2',
        startedAt: transferredAt,
        enrolledAt: profile.startedAt,
        toOfficeNumber: '1103',
        newCaseId: 'case-3',
        occurredAt: movedOnAt,
        navIdent,
      },
    };
    sending.given([arrived]).when(onward).then([secondOut]);
    receiving
      .given([])
      .when({ fromOfficeNumber: '5001', transferredOut: secondOut.data })
      .then([
        {
          type: 'ClientTransferredIn',
          data: {
            ...profile,
            caseId: 'case-3',
            startedAt: movedOnAt,
            fromOfficeNumber: '5001',
            fromCaseId: 'case-2',
            enrolledAt: profile.startedAt,
            occurredAt: movedOnAt,
            navIdent,
          },
        },
      ]);
  });

  it('takes the sending start as the enrolment for a transfer recorded without enrolledAt', () => {
    const { enrolledAt: _omitted, ...older } = out.data;
    receiving.given([]).when({ fromOfficeNumber: '0314', transferredOut: older }).then([arrived]);
  });
});
