import type { StreamModel } from '../shared/commands/decide-on-stream.js';
import { evolveEmployerAccount, initialEmployerAccount, type EmployerAccount, type EmployerEvent } from './employer.js';
import { evolveRecruitmentNeed, initialRecruitmentNeed, type RecruitmentNeed, type RecruitmentNeedEvent } from './recruitment-need.js';

export const employerAccountModel: StreamModel<EmployerAccount, EmployerEvent> = {
  initialState: initialEmployerAccount,
  evolve: evolveEmployerAccount,
};

export const recruitmentNeedModel: StreamModel<RecruitmentNeed, RecruitmentNeedEvent> = {
  initialState: initialRecruitmentNeed,
  evolve: evolveRecruitmentNeed,
};
