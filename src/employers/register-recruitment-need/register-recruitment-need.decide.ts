import { isValidOrgNumber } from '../../shared/domain/org-number.js';
import { isTooFarInTheFuture } from '../../shared/domain/time.js';
import { InvalidOrgNumber, OccurredInTheFuture, RecruitmentNeedAlreadyRegistered } from '../employer.errors.js';
import type { RecruitmentNeed, RecruitmentNeedRegistered } from '../recruitment-need.js';
import type { RegisterRecruitmentNeed } from './register-recruitment-need.command.js';

export function registerRecruitmentNeed(command: RegisterRecruitmentNeed, state: RecruitmentNeed): RecruitmentNeedRegistered[] {
  if (state.status !== 'none') throw new RecruitmentNeedAlreadyRegistered(command.needId);
  if (!isValidOrgNumber(command.orgNumber)) throw new InvalidOrgNumber();
  if (isTooFarInTheFuture(command.occurredAt, command.now)) throw new OccurredInTheFuture();
  const { needId, orgNumber, positions, occupation, occurredAt, navIdent } = command;
  return [{ type: 'RecruitmentNeedRegistered', data: { needId, orgNumber, positions, occupation, occurredAt, navIdent } }];
}
