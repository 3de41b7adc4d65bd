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
