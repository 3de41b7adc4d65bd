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

/**
 * One office's month as the offices comparison reads it: the figures it sums, and the month's distinct
 * employers and advisors as one comma-separated list each, so the national comparison parses a few
 * strings per office and month rather than an object with a key per employer. Written beside the month
 * row by the same events, so it exists exactly when the month row does; the month row keeps the counts
 * a correction needs to know when an employer or advisor leaves the month.
 */
export interface ComparedMonth {
  month: string;
  employerContacts: number;
  contactsFromOtherOffices: number;
  /** Org numbers, each once, comma-separated ('' for none). */
  employers: string;
  /** NAV idents, each once, comma-separated ('' for none). */
  advisors: string;
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
/** Month first as well, so the offices comparison reads a range of months across every office. */
export const comparedKey = (office: string, month: string) => `c|${month}|${office}`;
/** Every office's compared months from `from` to `to` (what the offices comparison reads), as the keys order them: month first. */
export const comparedMonthsOfEveryOffice = (from: string, to: string) => ({ from: `c|${from}`, to: `c|${to}` });
/** The office of a month row's or a compared month's key. */
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

export const emptyCompared = (month: string): ComparedMonth => ({
  month,
  employerContacts: 0,
  contactsFromOtherOffices: 0,
  employers: '',
  advisors: '',
});

/** A list of distinct ids with `id` added; the caller knows it was not in it. */
export const withMember = (list: string, id: string): string => (list === '' ? id : `${list},${id}`);
/** A list of distinct ids without `id`. */
export const withoutMember = (list: string, id: string): string =>
  list
    .split(',')
    .filter((member) => member !== id)
    .join(',');
/** Adds a list's ids to a set (the union of several months). */
export function addMembers(set: Set<string>, list: string): void {
  if (list === '') return;
  for (const id of list.split(',')) set.add(id);
}

/** Both instants in UTC, so string order is time order. */
export const within = (contactAt: string, placedAt: string) => contactWindowOf(placedAt)(contactAt);

/** `within` for one placement and many contacts: the window's start is worked out once, not once a contact. */
export function contactWindowOf(placedAt: string): (contactAt: string) => boolean {
  const from = addDays(placedAt, -CONTACT_WINDOW_DAYS);
  return (contactAt) => contactAt <= placedAt && contactAt >= from;
}

export type EngagementDoc = EngagementMonth | ComparedMonth | EmployerTimeline;
export type EngagementCorrection = RecordedEvent &
  (EmployerContactCorrected | EmployerContactByOtherOfficeCorrected | RecruitmentNeedCorrected | CaseStepCorrected);
