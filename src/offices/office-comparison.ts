import { setImmediate as nextTurn } from 'node:timers/promises';
import { followUpGapCounts, placementRate, type ActiveCase, type OfficeMonth, type OfficeOpenCases } from '../cases/cases.figures.js';
import { addMembers, inquiryFigures, officeOfMonthKey, type ComparedMonth, type InquiryMonth } from '../employers/employers.figures.js';
import { ratio } from '../shared/views/months.js';

export interface OfficeFigures {
  officeNumber: string;
  employerContacts: number;
  uniqueEmployers: number;
  contactsPerAdvisor: number;
  enrolled: number;
  placed: number;
  transferredIn: number;
  transferredOut: number;
  placementRate: number;
  followUpGaps: number;
  /** Contacts by other offices' advisors at employers whose home office this is. */
  contactsFromOtherOffices: number;
  /** Inquiries received in the period, and of those: answered within two working days, late, open past the deadline at now. */
  inquiriesReceived: number;
  inquiriesAnsweredWithinDeadline: number;
  inquiriesAnsweredLate: number;
  inquiriesOverdue: number;
  medianHoursToFirstContact: number | null;
}

interface Tally {
  contacts: number;
  fromOthers: number;
  employers: Set<string>;
  advisors: Set<string>;
  enrolled: number;
  placed: number;
  transferredIn: number;
  transferredOut: number;
  inquiries: InquiryMonth['inquiries'][string][];
}

/** The rows the comparison reads, each view's as `ViewReader` hands them (key order, stored JSON shape). */
export interface ComparedDocs {
  engagement: Map<string, unknown>;
  outcomes: Map<string, unknown>;
  openCases: Map<string, unknown>;
  quietOnCutoffDay: Map<string, unknown>;
  inquiries: Map<string, unknown>;
}

/** The follow-up gaps the comparison shows: the gaps view's own default. */
export const COMPARED_GAP_DAYS = 30;

/** Compared months taken between two turns of the event loop given back (see `compareOffices`). */
export const MONTHS_PER_TURN = 100;

/**
 * Offices side by side over [from, to]; follow-up gaps (30 days) as of `now` (the request's or the
 * as-of moment's), as the gaps view counts them (`followUpGapCounts`, from the docs of `followUpGapCountRanges`).
 *
 * Every office's months of a period are thousands of lists of employers and advisors to unite. The
 * app runs this on a thread of its own (`OfficeComparer`); where it runs on a thread that also
 * answers others (the source under ts-jest, where no worker file is built), the event loop is given
 * back every `MONTHS_PER_TURN` of them, so that what comes meanwhile is not held up behind all of it.
 */
export async function compareOffices(
  docs: ComparedDocs,
  period: { from: string; to: string },
  now: string,
  visible: (office: string) => boolean,
): Promise<OfficeFigures[]> {
  const offices = new Map<string, Tally>();
  const office = (number: string) => {
    if (!offices.has(number)) {
      offices.set(number, {
        contacts: 0,
        fromOthers: 0,
        employers: new Set(),
        advisors: new Set(),
        enrolled: 0,
        placed: 0,
        transferredIn: 0,
        transferredOut: 0,
        inquiries: [],
      });
    }
    return offices.get(number)!;
  };
  const inPeriod = (month: string) => month >= period.from && month <= period.to;
  // The compared months (`c|<month>|<office>`) of the period, every office: distinct employers and advisors over the period.
  let taken = 0;
  for (const [key, doc] of docs.engagement) {
    if (++taken % MONTHS_PER_TURN === 0) await nextTurn();
    const number = officeOfMonthKey(key);
    const month = doc as ComparedMonth;
    if (!visible(number) || !inPeriod(month.month)) continue;
    const figures = office(number);
    figures.contacts += month.employerContacts;
    figures.fromOthers += month.contactsFromOtherOffices;
    addMembers(figures.employers, month.employers);
    addMembers(figures.advisors, month.advisors);
  }
  for (const doc of docs.outcomes.values()) {
    const month = doc as OfficeMonth;
    if (!visible(month.officeNumber) || !inPeriod(month.month)) continue;
    const figures = office(month.officeNumber);
    figures.enrolled += month.enrolled;
    figures.placed += month.placed;
    figures.transferredIn += month.transferredIn;
    figures.transferredOut += month.transferredOut;
  }
  for (const doc of docs.inquiries.values()) {
    const month = doc as InquiryMonth;
    if (!visible(month.officeNumber) || !inPeriod(month.month)) continue;
    office(month.officeNumber).inquiries.push(...Object.values(month.inquiries));
  }
  // An office with active cases at the view's position (live, or replayed as of a moment) has a tally row.
  const tallies = [...docs.openCases.values()] as OfficeOpenCases[];
  for (const tally of tallies) if (visible(tally.officeNumber)) office(tally.officeNumber);
  const gaps = followUpGapCounts(tallies, docs.quietOnCutoffDay as Map<string, ActiveCase>, COMPARED_GAP_DAYS, now);
  return [...offices]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([officeNumber, f]) => ({ f, officeNumber, inquiries: inquiryFigures(f.inquiries, now) }))
    .map(({ officeNumber, f, inquiries }) => ({
      officeNumber,
      employerContacts: f.contacts,
      uniqueEmployers: f.employers.size,
      contactsPerAdvisor: ratio(f.contacts, f.advisors.size, 2),
      enrolled: f.enrolled,
      placed: f.placed,
      transferredIn: f.transferredIn,
      transferredOut: f.transferredOut,
      placementRate: placementRate(f),
      followUpGaps: gaps.get(officeNumber) ?? 0,
      contactsFromOtherOffices: f.fromOthers,
      inquiriesReceived: inquiries.received,
      inquiriesAnsweredWithinDeadline: inquiries.answeredWithinDeadline,
      inquiriesAnsweredLate: inquiries.answeredLate,
      inquiriesOverdue: inquiries.openOverdue,
      medianHoursToFirstContact: inquiries.medianHoursToFirstContact,
    }));
}
