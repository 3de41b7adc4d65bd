import { profileOf, type CaseState, type ClientTransferredIn, type ClientTransferredOut } from '../case.js';
import { CaseAlreadyExists, TransferToSameOffice } from '../case.errors.js';
import { activeCase } from '../case-rules.js';

/** The sending office's command, on the case being transferred. */
export interface TransferCase {
  caseId: string;
  fromOfficeNumber: string;
  toOfficeNumber: string;
  /** The id the case continues under at the receiving office. */
  newCaseId: string;
  occurredAt: string;
  navIdent: string;
  now: string;
}

/** The receiving office's side, made by the handler from the sending side's event. */
export interface ReceiveTransferredCase {
  fromOfficeNumber: string;
  transferredOut: ClientTransferredOut['data'];
}

/** The sending office's side, on the old case's stream: the case ends here. */
export function transferCase(command: TransferCase, state: CaseState): ClientTransferredOut[] {
  // Wrong on its face, so it is refused before the case is even looked at.
  if (command.toOfficeNumber === command.fromOfficeNumber) throw new TransferToSameOffice();
  const open = activeCase(state, command.caseId, command.occurredAt, command.now);
  const { toOfficeNumber, newCaseId, occurredAt, navIdent } = command;
  return [
    {
      type: 'ClientTransferredOut',
      data: { ...profileOf(open), enrolledAt: open.enrolledAt, toOfficeNumber, newCaseId, occurredAt, navIdent },
    },
  ];
}

/**
 * The receiving office's side, decided on the new (empty) stream from what the sending side
 * recorded, so both sides always agree. The case starts again at the new office at the moment of
 * transfer; `enrolledAt` keeps when it first started.
 */
export function receiveTransferredCase(command: ReceiveTransferredCase, state: CaseState): ClientTransferredIn[] {
  const out = command.transferredOut;
  if (state.status !== 'none') throw new CaseAlreadyExists(out.newCaseId);
  return [
    {
      type: 'ClientTransferredIn',
      data: {
        caseId: out.newCaseId,
        subjectId: out.subjectId,
        needGroup: out.needGroup,
        followUpMode: out.followUpMode,
        measureCode: out.measureCode,
        providerOrgNumber: out.providerOrgNumber,
        startedAt: out.occurredAt,
        fromOfficeNumber: command.fromOfficeNumber,
        fromCaseId: out.caseId,
        // Events recorded before `enrolledAt` was carried: the case started at the sending office.
        enrolledAt: out.enrolledAt ?? out.startedAt,
        occurredAt: out.occurredAt,
        navIdent: out.navIdent,
      },
    },
  ];
}
