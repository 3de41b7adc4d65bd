import type { ActiveCase } from '../cases/follow-up-gaps/follow-up-gaps.projection.js';
import { followUpGaps } from '../cases/follow-up-gaps/follow-up-gaps.query.js';
import type { Cohort } from '../cases/outcomes/outcomes.projection.js';
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

const officeOfKey = (key: string) => key.split('|')[1]!;

/** Offices side by side over [from, to]; follow-up gaps are today's (30 days), as the gaps view counts them. */
export function compareOffices(
  docs: { engagement: Map<string, unknown>; outcomes: Map<string, unknown>; activeCases: Map<string, unknown> },
  period: { from: string; to: string },
  now: string,
  visible: (office: string) => boolean,
): OfficeFigures[] {
  const offices = new Map<string, { contacts: number; employers: Set<string>; advisors: Set<string>; enrolled: number; placed: number; active: ActiveCase[] }>();
  const office = (key: string) => {
    const number = officeOfKey(key);
    if (!offices.has(number)) offices.set(number, { contacts: 0, employers: new Set(), advisors: new Set(), enrolled: 0, placed: 0, active: [] });
    return offices.get(number)!;
  };
  const inPeriod = (month: string) => month >= period.from && month <= period.to;
  for (const [key, doc] of docs.engagement) {
    if (!key.startsWith('m|') || !visible(officeOfKey(key)) || !inPeriod((doc as EngagementMonth).month)) continue;
    const month = doc as EngagementMonth;
    const figures = office(key);
    figures.contacts += month.employerContacts;
    Object.keys(month.employers).forEach((e) => figures.employers.add(e));
    Object.keys(month.advisors).forEach((a) => figures.advisors.add(a));
  }
  for (const [key, doc] of docs.outcomes) {
    if (!key.startsWith('c|') || !visible(officeOfKey(key)) || !inPeriod((doc as Cohort).month)) continue;
    office(key).enrolled += (doc as Cohort).enrolled;
    office(key).placed += (doc as Cohort).placed;
  }
  for (const [key, doc] of docs.activeCases) if (visible(officeOfKey(key))) office(key).active.push(doc as ActiveCase);
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
