import type { CorrectionReason } from '../../shared/values/correction.js';
import type { RecruitmentNeedCorrected } from '../employer-correction.js';
import { AlreadyCorrected, RecruitmentNeedNotFound } from '../employer.errors.js';
import type { RecruitmentNeed } from '../recruitment-need.js';

/** Declares a recruitment need registered in error: the need and its closing go from every view. */
export interface CorrectRecruitmentNeed {
  needId: string;
  reason: CorrectionReason;
  text?: string;
  navIdent: string;
  now: string;
}

export function correctRecruitmentNeed(command: CorrectRecruitmentNeed, state: RecruitmentNeed): RecruitmentNeedCorrected[] {
  if (state.status === 'none') throw new RecruitmentNeedNotFound(command.needId);
  if (state.status === 'corrected') throw new AlreadyCorrected(`Recruitment need ${command.needId}`);
  const { reason, text, navIdent, now } = command;
  return [
    {
      type: 'RecruitmentNeedCorrected',
      data: {
        needId: state.needId,
        orgNumber: state.orgNumber,
        reason,
        ...(text === undefined ? {} : { text }),
        registered: { occurredAt: state.registeredAt, positions: state.positions },
        ...(state.closed ? { closed: state.closed } : {}),
        correctedAt: now,
        navIdent,
      },
    },
  ];
}
