import type { FollowUpMode, MeasureCode, NeedGroup } from '../../shared/domain/codes.js';

/** `clientRef` is already the pseudonym: a personal id number never reaches the domain. */
export interface EnrolClient {
  caseId: string;
  clientRef: string;
  needGroup: NeedGroup;
  followUpMode: FollowUpMode;
  measureCode: MeasureCode;
  providerOrgNumber?: string;
  occurredAt: string;
  navIdent: string;
  now: string;
}
