import type { CaseEvent, CaseProfile, ClientPlaced } from '../../src/cases/case.js';
import type { EmployerContacted } from '../../src/employers/employer.js';
import type { RecruitmentNeedClosed, RecruitmentNeedRegistered } from '../../src/employers/recruitment-need.js';

/**
 * Domain events for the views' given/when/then specs, a line each. Feed them to `recordedAt`
 * to give them an office, a stream and positions.
 */
export const navIdent = 'Z123456';

export const caseProfile = (caseId: string, startedAt: string, external = false): CaseProfile => ({
  caseId,
  subjectId: `ref-${caseId}`,
  needGroup: 'SITUATIONAL',
  startedAt,
  followUpMode: external ? 'EXTERNAL' : 'IN_HOUSE',
  measureCode: external ? 'INDOPPFAG' : 'INDJOBSTOT',
  providerOrgNumber: external ? '889640782' : undefined,
});

export const enrolled = (p: CaseProfile): CaseEvent => ({ type: 'ClientEnrolled', data: { ...p, occurredAt: p.startedAt, navIdent } });

export const followedUp = (caseId: string, occurredAt: string): CaseEvent => ({
  type: 'ClientFollowUpRecorded',
  data: { caseId, kind: 'PROVIDER_CONTACT', occurredAt, navIdent },
});

export const placedAt = (p: CaseProfile, orgNumber: string, occurredAt: string): ClientPlaced => ({
  type: 'ClientPlaced',
  data: { ...p, orgNumber, startDate: occurredAt.slice(0, 10), employmentPercent: 100, employmentType: 'PERMANENT', occurredAt, navIdent },
});

export const exited = (p: CaseProfile, occurredAt: string): CaseEvent => ({
  type: 'ClientExited',
  data: { ...p, reason: 'NO_JOB', occurredAt, navIdent },
});

export const transferredOut = (p: CaseProfile, toOfficeNumber: string, newCaseId: string, occurredAt: string): CaseEvent => ({
  type: 'ClientTransferredOut',
  data: { ...p, enrolledAt: p.startedAt, toOfficeNumber, newCaseId, occurredAt, navIdent },
});

/** The arrival of `p` (transferred out of `fromOffice` as `fromCaseId`) under `p.caseId`, starting at `p.startedAt`. */
export const transferredIn = (p: CaseProfile, fromOfficeNumber: string, fromCaseId: string, enrolledAt: string): CaseEvent => ({
  type: 'ClientTransferredIn',
  data: { ...p, fromOfficeNumber, fromCaseId, enrolledAt, occurredAt: p.startedAt, navIdent },
});

export const contacted = (
  orgNumber: string,
  occurredAt: string,
  by = navIdent,
  channel: EmployerContacted['data']['channel'] = 'PHONE',
): EmployerContacted => ({
  type: 'EmployerContacted',
  data: {
    contactId: `${orgNumber}@${occurredAt}`,
    orgNumber,
    employerName: `AS ${orgNumber}`,
    naceCode: '41.200',
    naceSection: 'F',
    channel,
    theme: 'RECRUITMENT',
    service: null,
    occurredAt,
    navIdent: by,
  },
});

export const needRegistered = (needId: string, orgNumber: string, occurredAt: string): RecruitmentNeedRegistered => ({
  type: 'RecruitmentNeedRegistered',
  data: { needId, orgNumber, positions: 2, occupation: 'tømrer', occurredAt, navIdent },
});

export const needClosed = (
  needId: string,
  orgNumber: string,
  result: 'FILLED' | 'CANCELLED',
  occurredAt: string,
): RecruitmentNeedClosed => ({
  type: 'RecruitmentNeedClosed',
  data: { needId, orgNumber, result, positions: 2, occurredAt, navIdent },
});
