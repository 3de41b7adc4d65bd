export interface RegisterRecruitmentNeed {
  needId: string;
  orgNumber: string;
  positions: number;
  occupation: string;
  occurredAt: string;
  navIdent: string;
  now: string;
}
