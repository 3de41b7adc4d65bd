import { isValidOrgNumber } from '../../shared/domain/org-number.js';
import { assertOccurredAt } from '../../shared/domain/time.js';
import { InvalidOrgNumber, RecruitmentNeedAlreadyRegistered } from '../employer.errors.js';
import type { RecruitmentNeed, RecruitmentNeedRegistered } from '../recruitment-need.js';
import type { RegisterRecruitmentNeed } from './register-recruitment-need.command.js';

/** Decided on the need's own, new stream: a second registration under the same id is a conflict. */
export function registerRecruitmentNeed(command: RegisterRecruitmentNeed, state: RecruitmentNeed): RecruitmentNeedRegistered[] {
  if (state.status !== 'none') throw new RecruitmentNeedAlreadyRegistered(command.needId);
  if (!isValidOrgNumber(command.orgNumber)) throw new InvalidOrgNumber();
  assertOccurredAt(command.occurredAt, command.now);
  const { needId, orgNumber, positions, occupation, occurredAt, navIdent } = command;
  return [{ type: 'RecruitmentNeedRegistered', data: { needId, orgNumber, positions, occupation, occurredAt, navIdent } }];
}
