import type { CaseEvent, CaseProfile, ClientEnrolled } from './case.js';

/**
 * One case through its life, for the deciders' given/when/then specs. Enrolled on 10 January,
 * closed (one way or another) on 1 March, the clock at 1 May.
 */
export const now = '2026-05-01T12:00:00.000Z';
export const navIdent = 'Z123456';

export const profile: CaseProfile = {
  caseId: 'case-1',
  subjectId: '0190f3a0-1111-4aaa-8bbb-000000000001',
  needGroup: 'SITUATIONAL',
  followUpMode: 'EXTERNAL',
  measureCode: 'INDOPPFAG',
  providerOrgNumber: '889640782',
  startedAt: '2026-01-10T09:00:00.000Z',
};

export const enrolled: ClientEnrolled = {
  type: 'ClientEnrolled',
  data: { ...profile, occurredAt: profile.startedAt, navIdent },
};

const closedAt = '2026-03-01T00:00:00.000Z';

export const placed: CaseEvent = {
  type: 'ClientPlaced',
  data: {
    ...profile,
    orgNumber: '974760673',
    startDate: '2026-03-15',
    employmentPercent: 80,
    employmentType: 'PERMANENT',
    wageSubsidy: false,
    occurredAt: closedAt,
    navIdent,
  },
};

export const exited: CaseEvent = { type: 'ClientExited', data: { ...profile, reason: 'MOVED', occurredAt: closedAt, navIdent } };

export const transferredOut: CaseEvent = {
  type: 'ClientTransferredOut',
  data: { ...profile, enrolledAt: profile.startedAt, toOfficeNumber: '5001', newCaseId: 'case-2', occurredAt: closedAt, navIdent },
};

/** Every way a case closes: each step on an existing case is refused after any of them. */
export const closings: [status: string, closing: CaseEvent][] = [
  ['placed', placed],
  ['exited', exited],
  ['transferred', transferredOut],
];
