import { assertOccurredAt, isBefore } from '../../shared/values/time.js';
import { ClosedBeforeRegistered, RecruitmentNeedAlreadyClosed, RecruitmentNeedNotFound } from '../employer.errors.js';
import type { RecruitmentNeed, RecruitmentNeedClosed } from '../recruitment-need.js';
import type { NeedResult } from '../../shared/values/codes.js';

/** What the decision needs: the body as checked, who sent it and when (time and ids come in here). */
export interface CloseRecruitmentNeed {
  needId: string;
  result: NeedResult;
  occurredAt: string;
  navIdent: string;
  now: string;
}

/** A need is closed once, as filled or cancelled. */
export function closeRecruitmentNeed(command: CloseRecruitmentNeed, state: RecruitmentNeed): RecruitmentNeedClosed[] {
  if (state.status === 'none') throw new RecruitmentNeedNotFound(command.needId);
  // A need registered in error is closed for good as well.
  if (state.status !== 'open') throw new RecruitmentNeedAlreadyClosed(command.needId);
  assertOccurredAt(command.occurredAt, command.now);
  if (isBefore(command.occurredAt, state.registeredAt)) throw new ClosedBeforeRegistered();
  return [
    {
      type: 'RecruitmentNeedClosed',
      data: {
        needId: state.needId,
        // Carried from the registration so views count a filled need without a lookup.
        orgNumber: state.orgNumber,
        result: command.result,
        positions: state.positions,
        occurredAt: command.occurredAt,
        navIdent: command.navIdent,
      },
    },
  ];
}
