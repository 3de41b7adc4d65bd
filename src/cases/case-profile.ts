import type { FollowUpMode, MeasureCode, NeedGroup } from '../shared/values/codes.js';

/** What a case is about; closing events carry it too, so a view needs no lookup to place them. */
export interface CaseProfile {
  caseId: string;
  subjectId: string;
  needGroup: NeedGroup;
  followUpMode: FollowUpMode;
  measureCode: MeasureCode;
  providerOrgNumber?: string;
  /** When this case started at this office (enrolment, or arrival by transfer). */
  startedAt: string;
}
