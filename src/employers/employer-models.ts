import type { StreamModel } from '../shared/commands/decide-on-stream.js';
import { evolveEmployerAccount, initialEmployerAccount, type EmployerAccount, type EmployerEvent } from './employer.js';
import { evolveEmployerHome, initialEmployerHome, type EmployerHome, type EmployerHomeOfficeSet } from './employer-home.js';
import { evolveInquiry, initialInquiry, type Inquiry, type InquiryEvent } from './inquiry.js';
import { evolveRecruitmentNeed, initialRecruitmentNeed, type RecruitmentNeed, type RecruitmentNeedEvent } from './recruitment-need.js';

export const employerAccountModel: StreamModel<EmployerAccount, EmployerEvent> = {
  initialState: initialEmployerAccount,
  evolve: evolveEmployerAccount,
};

export const recruitmentNeedModel: StreamModel<RecruitmentNeed, RecruitmentNeedEvent> = {
  initialState: initialRecruitmentNeed,
  evolve: evolveRecruitmentNeed,
};

export const inquiryModel: StreamModel<Inquiry, InquiryEvent> = {
  initialState: initialInquiry,
  evolve: evolveInquiry,
};

export const employerHomeModel: StreamModel<EmployerHome, EmployerHomeOfficeSet> = {
  initialState: initialEmployerHome,
  evolve: evolveEmployerHome,
};
