import type { CaseState, ClientTransferredIn, ClientTransferredOut } from '../case.js';
import { CaseAlreadyExists, TransferToSameOffice } from '../case.errors.js';
import { activeCase, profileOfCase } from '../case-rules.js';
import type { TransferCase } from './transfer-case.command.js';

/** The sending office's side: its case ends here. */
export function transferCase(command: TransferCase, state: CaseState): ClientTransferredOut[] {
  if (command.toOfficeNumber === command.fromOfficeNumber) throw new TransferToSameOffice();
  const open = activeCase(state, command.caseId, command.occurredAt, command.now);
  const { toOfficeNumber, newCaseId, occurredAt, navIdent } = command;
  return [{ type: 'ClientTransferredOut', data: { ...profileOfCase(open), toOfficeNumber, newCaseId, occurredAt, navIdent } }];
}

/**
 * The receiving office's side, decided on the new (empty) stream from what the sending side
 * recorded. The case starts again at the new office at the moment of transfer.
 */
export function receiveTransferredCase(
  command: { fromOfficeNumber: string; transferredOut: ClientTransferredOut['data'] },
  state: CaseState,
): ClientTransferredIn[] {
  const out = command.transferredOut;
  if (state.status !== 'none') throw new CaseAlreadyExists(out.newCaseId);
  return [
    {
      type: 'ClientTransferredIn',
      data: {
        caseId: out.newCaseId,
        clientRef: out.clientRef,
        needGroup: out.needGroup,
        followUpMode: out.followUpMode,
        measureCode: out.measureCode,
        providerOrgNumber: out.providerOrgNumber,
        startedAt: out.occurredAt,
        fromOfficeNumber: command.fromOfficeNumber,
        fromCaseId: out.caseId,
        // When the case started at the sending office: its enrolment there.
        enrolledAt: out.startedAt,
        occurredAt: out.occurredAt,
        navIdent: out.navIdent,
      },
    },
  ];
}
