import type { FollowUpKind } from '../../shared/domain/codes.js';

export interface RecordFollowUp {
  caseId: string;
  kind: FollowUpKind;
  occurredAt: string;
  navIdent: string;
  now: string;
}
