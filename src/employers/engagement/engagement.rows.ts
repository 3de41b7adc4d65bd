import type { RecordedEvent } from '@app/event-store';
import type { CaseStepCorrected } from '../../cases/case-correction.js';
import { addDays } from '../../shared/views/months.js';
import type { EmployerContactCorrected, RecruitmentNeedCorrected } from '../employer-correction.js';
import type { EmployerContactByOtherOfficeCorrected } from '../employer-home.js';

/** One office's employer work in one month. Records (not lists) so each count is one place. */
export interface EngagementMonth {
  month: string;
  employerContacts: number;
  employers: Record<string, number>;
  advisors: Record<string, number>;
  byChannel: Record<string, number>;
  byTheme: Record<string, number>;
  /** Contacts by service; contacts without one (recorded before services, v2 and older) are not in it. */
  byService?: Record<string, number>;
  /** Contacts by other offices' advisors at employers whose home office this is. */
  contactsFromOtherOffices?: number;
  naceSections: Record<string, number>;
  recruitmentNeedsOpened: number;
  recruitmentNeedsFilled: number;
  placements: number;
  placementsAfterContact: number;
}

/** When (UTC) the office contacted an employer and placed clients there: for "placement after contact". */
export interface EmployerTimeline {
  contacts: string[];
  placements: { at: string; afterContact: boolean }[];
}

/** A placement counts as after contact when the office contacted that employer in the 90 days before. */
export const CONTACT_WINDOW_DAYS = 90;

/** Month first, so the national comparison reads a range of months across every office. */
export const monthKey = (office: string, month: string) => `m|${month}|${office}`;
/** Every office's month rows from `from` to `to`, as the keys order them: month first. */
export const monthRowsOfEveryOffice = (from: string, to: string) => ({ from: `m|${from}`, to: `m|${to}` });
export const officeOfMonthKey = (key: string): string => key.split('|')[2]!;
export const timelinePrefix = (office: string) => `e|${office}|`;
export const timelineKey = (office: string, orgNumber: string) => `${timelinePrefix(office)}${orgNumber}`;

export const emptyMonth = (month: string): EngagementMonth => ({
  month,
  employerContacts: 0,
  employers: {},
  advisors: {},
  byChannel: {},
  byTheme: {},
  byService: {},
  contactsFromOtherOffices: 0,
  naceSections: {},
  recruitmentNeedsOpened: 0,
  recruitmentNeedsFilled: 0,
  placements: 0,
  placementsAfterContact: 0,
});

/** Both instants in UTC, so string order is time order. */
export const within = (contactAt: string, placedAt: string) => contactWindowOf(placedAt)(contactAt);

/** `within` for one placement and many contacts: the window's start is worked out once, not once a contact. */
export function contactWindowOf(placedAt: string): (contactAt: string) => boolean {
  const from = addDays(placedAt, -CONTACT_WINDOW_DAYS);
  return (contactAt) => contactAt <= placedAt && contactAt >= from;
}

export type EngagementDoc = EngagementMonth | EmployerTimeline;
export type EngagementCorrection = RecordedEvent &
  (EmployerContactCorrected | EmployerContactByOtherOfficeCorrected | RecruitmentNeedCorrected | CaseStepCorrected);
