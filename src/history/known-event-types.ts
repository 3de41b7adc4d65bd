import type { CaseEvent } from '../cases/case.js';
import type { EmployerEvent } from '../employers/employer.js';
import type { EmployerHomeOfficeSet } from '../employers/employer-home.js';
import type { InquiryEvent } from '../employers/inquiry.js';
import type { RecruitmentNeedEvent } from '../employers/recruitment-need.js';

export type KnownEventType = (CaseEvent | EmployerEvent | EmployerHomeOfficeSet | InquiryEvent | RecruitmentNeedEvent)['type'];

/** Every event type the app writes; keyed by the domain's unions, so a new type that is not listed fails to compile. */
const ALL: Record<KnownEventType, true> = {
  EmployerContacted: true,
  EmployerContactedByOtherOffice: true,
  EmployerContactByOtherOfficeCorrected: true,
  EmployerHomeOfficeSet: true,
  InquiryRegistered: true,
  InquiryTaken: true,
  InquiryAnswered: true,
  InquiryClosed: true,
  InquiryAnswerCorrected: true,
  RecruitmentNeedRegistered: true,
  RecruitmentNeedClosed: true,
  ClientEnrolled: true,
  ClientFollowUpRecorded: true,
  ClientPlaced: true,
  ClientExited: true,
  ClientTransferredOut: true,
  ClientTransferredIn: true,
  CaseStepCorrected: true,
  EmployerContactCorrected: true,
  EmployerContactNoteRedacted: true,
  RecruitmentNeedCorrected: true,
};

export const KNOWN_EVENT_TYPES = Object.keys(ALL) as KnownEventType[];
