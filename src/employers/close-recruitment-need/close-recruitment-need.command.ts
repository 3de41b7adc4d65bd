import type { NeedResult } from '../../shared/domain/codes.js';

export interface CloseRecruitmentNeed {
  needId: string;
  result: NeedResult;
  occurredAt: string;
  navIdent: string;
  now: string;
}
