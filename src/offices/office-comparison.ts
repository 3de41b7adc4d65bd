import type { ActiveCase } from '../cases/follow-up-gaps/follow-up-gaps.projection.js';
import { followUpGaps } from '../cases/follow-up-gaps/follow-up-gaps.query.js';
import type { OfficeMonth } from '../cases/outcomes/outcomes.projection.js';
import type { EngagementMonth } from '../employers/engagement/engagement.projection.js';
import { ratio } from '../shared/views/months.js';

export interface OfficeFigures {
  officeNumber: string;
  employerContacts: number;
  uniqueEmployers: number;
  contactsPerAdvisor: number;
  enrolled: number;
  placed: number;
  placementRate: number;
  followUpGaps: number;
}


/** Offices side by side over [from, to]; follow-up gaps (30 days) as of `now` (the request's or the as-of moment's), as the gaps view counts them. */
export function compareOffices(
  docs: { engagement: Map<string, unknown>; outcomes: Map<string, unknown>; activeCases: Map<string, unknown> },
  period: { from: string; to: string },
  now: string,
  visible: (office: string) => boolean,
): OfficeFigures[] {
  const offices = new Map<string, { contacts: number; employers: Set<string>; advisors: Set<string>; enrolled: number; placed: number; active: ActiveCase[] }>();
  const office = (number: string) => {
    if (!offices.has(number)) offices.set(number, { contacts: 0, employers: new Set(), advisors: new Set(), enrolled: 0, placed: 0, active: [] });
    return offices.get(number)!;
  };
  const inPeriod = (month: string) => month >= period.from && month <= period.to;
  // Month-first rows (`m|<month>|<office>`, `n|<month>|<office>`) of the period, every office.
  for (const [key, doc] of docs.engagement) {
    const number = key.split('|')[2]!;
    const month = doc as EngagementMonth;
    if (!visible(number) || !inPeriod(month.month)) continue;
    const figures = office(number);
    figures.contacts += month.employerContacts;
    Object.keys(month.employers).forEach((e) => figures.employers.add(e));
    Object.keys(month.advisors).forEach((a) => figures.advisors.add(a));
  }
  for (const doc of docs.outcomes.values()) {
    const month = doc as OfficeMonth;
    if (!visible(month.officeNumber) || !inPeriod(month.month)) continue;
    office(month.officeNumber).enrolled += month.enrolled;
    office(month.officeNumber).placed += month.placed;
  }
  // Active cases: `a|<office>|<caseId>`; only cases open at the view's position (live, or replayed as of a moment).
  for (const [key, doc] of docs.activeCases) {
    const number = key.split('|')[1]!;
    if (visible(number)) office(number).active.push(doc as ActiveCase);
  }
  return [...offices]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([officeNumber, f]) => ({
      officeNumber,
      employerContacts: f.contacts,
      uniqueEmployers: f.employers.size,
      contactsPerAdvisor: ratio(f.contacts, f.advisors.size, 2),
      enrolled: f.enrolled,
      placed: f.placed,
      placementRate: ratio(f.placed, f.enrolled),
      followUpGaps: followUpGaps(f.active, 30, now).length,
    }));
}
