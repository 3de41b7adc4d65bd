import { isValidOrgNumber } from '../../shared/values/org-number.js';
import { assertOccurredAt } from '../../shared/values/time.js';
import { InvalidOrgNumber, RecruitmentNeedAlreadyRegistered } from '../employer.errors.js';
import type { RecruitmentNeed, RecruitmentNeedRegistered } from '../recruitment-need.js';

/** What the decision needs: the body as checked, who sent it and when (time and ids come in here). */
export interface RegisterRecruitmentNeed {
  needId: string;
  orgNumber: string;
  positions: number;
  occupation: string;
  occurredAt: string;
  navIdent: string;
  now: string;
}

/** Decided on the need's own, new stream: a second registration under the same id is a conflict. */
export function registerRecruitmentNeed(command: RegisterRecruitmentNeed, state: RecruitmentNeed): RecruitmentNeedRegistered[] {
  if (state.status !== 'none') throw new RecruitmentNeedAlreadyRegistered(command.needId);
  if (!isValidOrgNumber(command.orgNumber)) throw new InvalidOrgNumber();
  assertOccurredAt(command.occurredAt, command.now);
  const { needId, orgNumber, positions, occupation, occurredAt, navIdent } = command;
  return [{ type: 'RecruitmentNeedRegistered', data: { needId, orgNumber, positions, occupation, occurredAt, navIdent } }];
}
