import type { DomainEvent } from '@app/event-store';
import type { EmploymentType, ExitReason, FollowUpKind } from '../shared/values/codes.js';
import { latest } from '../shared/values/time.js';
import type { CaseStepCorrected } from './case-correction.js';
import type { CaseProfile } from './case-profile.js';

/** Stream `office-<officeNumber>.case-<caseId>`: one client's follow-up at one office. */
export const CASE_STREAM_KIND = 'case';

export type { CaseProfile } from './case-profile.js';

export type ClientEnrolled = DomainEvent<'ClientEnrolled', CaseProfile & { occurredAt: string; navIdent: string }>;

export type ClientFollowUpRecorded = DomainEvent<
  'ClientFollowUpRecorded',
  { caseId: string; kind: FollowUpKind; occurredAt: string; navIdent: string }
>;

export type ClientPlaced = DomainEvent<
  'ClientPlaced',
  CaseProfile & {
    orgNumber: string;
    startDate: string;
    employmentPercent: number;
    employmentType: EmploymentType;
    wageSubsidy?: boolean;
    occurredAt: string;
    navIdent: string;
  }
>;

export type ClientExited = DomainEvent<'ClientExited', CaseProfile & { reason: ExitReason; occurredAt: string; navIdent: string }>;

/**
 * The case ends here and continues as `newCaseId` at `toOfficeNumber`. `enrolledAt` (when the
 * case first started, at whichever office) lets a case move on more than once without losing it.
 */
export type ClientTransferredOut = DomainEvent<
  'ClientTransferredOut',
  CaseProfile & { enrolledAt?: string; toOfficeNumber: string; newCaseId: string; occurredAt: string; navIdent: string }
>;

/** The case arrives from another office; `startedAt` is the arrival, `enrolledAt` the first enrolment. */
export type ClientTransferredIn = DomainEvent<
  'ClientTransferredIn',
  CaseProfile & { fromOfficeNumber: string; fromCaseId: string; enrolledAt: string; occurredAt: string; navIdent: string }
>;

export type CaseEvent =
  ClientEnrolled | ClientFollowUpRecorded | ClientPlaced | ClientExited | ClientTransferredOut | ClientTransferredIn | CaseStepCorrected;

/**
 * `none`: no events yet. Placed, exited, transferred and corrected (its enrolment was registered in
 * error) are closed: they take no further steps, only a correction.
 */
export type CaseState =
  | { status: 'none' }
  | (CaseProfile & {
      status: 'active' | 'placed' | 'exited' | 'transferred' | 'corrected';
      /** When the case first started, at whichever office: `startedAt` is only the start here. */
      enrolledAt: string;
      lastFollowUpAt?: string;
    });

export const initialCaseState = (): CaseState => ({ status: 'none' });

/** Just the profile, whatever else the event or state holds. */
export const profileOf = (data: CaseProfile): CaseProfile => ({
  caseId: data.caseId,
  subjectId: data.subjectId,
  needGroup: data.needGroup,
  followUpMode: data.followUpMode,
  measureCode: data.measureCode,
  providerOrgNumber: data.providerOrgNumber,
  startedAt: data.startedAt,
});

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'ClientEnrolled':
      return { ...profileOf(event.data), status: 'active', enrolledAt: event.data.occurredAt };
    case 'ClientTransferredIn':
      return { ...profileOf(event.data), status: 'active', enrolledAt: event.data.enrolledAt };
    case 'ClientFollowUpRecorded':
      if (state.status === 'none') return state;
      // Late registrations arrive out of order: the latest instant wins, not the latest event.
      return { ...state, lastFollowUpAt: latest(event.data.occurredAt, state.lastFollowUpAt) };
    case 'ClientPlaced':
      return state.status === 'none' ? state : { ...state, status: 'placed' };
    case 'ClientExited':
      return state.status === 'none' ? state : { ...state, status: 'exited' };
    case 'ClientTransferredOut':
      return state.status === 'none' ? state : { ...state, status: 'transferred' };
    case 'CaseStepCorrected': {
      if (state.status === 'none') return state;
      const { lastFollowUpAt: _, ...rest } = state;
      const after = event.data.lastFollowUpAt;
      return { ...rest, status: event.data.status, ...(after === undefined ? {} : { lastFollowUpAt: after }) };
    }
    default: {
      const never: never = event;
      return never;
    }
  }
}
