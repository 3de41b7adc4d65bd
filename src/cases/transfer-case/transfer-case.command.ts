import type { ClientTransferredOut } from '../case.js';

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
