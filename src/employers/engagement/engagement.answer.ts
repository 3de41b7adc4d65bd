import { monthsBetween, ratio } from '../../shared/views/months.js';
import { CHANNELS, THEMES } from '../../shared/values/codes.js';
import { monthKey, type EngagementMonth } from './engagement.projection.js';

export interface EngagementMonthAnswer {
  month: string;
  employerContacts: number;
  uniqueEmployers: number;
  activeAdvisors: number;
  contactsPerAdvisor: number;
  byChannel: Record<string, number>;
  byTheme: Record<string, number>;
  naceSections: string[];
  recruitmentNeedsOpened: number;
  recruitmentNeedsFilled: number;
  placements: number;
  placementsAfterContact: number;
}

const zeros = (codes: readonly string[], counts: Record<string, number>) =>
  Object.fromEntries(codes.map((code) => [code, counts[code] ?? 0]));

/** The engagement figures of each month from `from` to `to`, from the office's month rows. */
export function engagementMonths(office: string, from: string, to: string, docs: ReadonlyMap<string, unknown>): EngagementMonthAnswer[] {
  return monthsBetween(from, to).map((month) => {
    const row = docs.get(monthKey(office, month)) as EngagementMonth | undefined;
    const advisors = Object.keys(row?.advisors ?? {}).length;
    const contacts = row?.employerContacts ?? 0;
    return {
      month,
      employerContacts: contacts,
      uniqueEmployers: Object.keys(row?.employers ?? {}).length,
      activeAdvisors: advisors,
      contactsPerAdvisor: ratio(contacts, advisors, 2),
      byChannel: zeros(CHANNELS, row?.byChannel ?? {}),
      byTheme: zeros(THEMES, row?.byTheme ?? {}),
      naceSections: Object.keys(row?.naceSections ?? {}).sort(),
      recruitmentNeedsOpened: row?.recruitmentNeedsOpened ?? 0,
      recruitmentNeedsFilled: row?.recruitmentNeedsFilled ?? 0,
      placements: row?.placements ?? 0,
      placementsAfterContact: row?.placementsAfterContact ?? 0,
    };
  });
}
