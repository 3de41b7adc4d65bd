import { median, monthsBetween } from '../../shared/views/months.js';
import { isBefore } from '../../shared/values/time.js';
import { monthKey, type InquiryMonth, type InquiryTimes, type OpenInquiry } from './inquiries.projection.js';

/** One office's inquiries received in one month, as of `now`. */
export interface InquiryFigures {
  received: number;
  /** First contact or closing, whichever came first, at or before the deadline. */
  answeredWithinDeadline: number;
  answeredLate: number;
  /** Neither contacted nor closed, deadline not passed yet. */
  open: number;
  /** Neither contacted nor closed, deadline passed. */
  openOverdue: number;
  /** Median hours from receipt to the first contact, over the inquiries that had one (null: none). */
  medianHoursToFirstContact: number | null;
}

const HOUR_MS = 3_600_000;

/** When it was answered: the first contact or the closing, whichever is earlier (null: not yet). */
const answeredAt = (t: InquiryTimes): string | null => {
  if (t.firstContactAt === null || t.closedAt === null) return t.firstContactAt ?? t.closedAt;
  return isBefore(t.closedAt, t.firstContactAt) ? t.closedAt : t.firstContactAt;
};

/** The figures of any set of inquiries: one month's, or every month's of a period. */
export function inquiryFigures(inquiries: Iterable<InquiryTimes>, now: string): InquiryFigures {
  const figures = { received: 0, answeredWithinDeadline: 0, answeredLate: 0, open: 0, openOverdue: 0 };
  const hours: number[] = [];
  for (const t of inquiries) {
    figures.received += 1;
    const answered = answeredAt(t);
    if (answered === null) {
      if (isBefore(t.dueAt, now)) figures.openOverdue += 1;
      else figures.open += 1;
    } else if (isBefore(t.dueAt, answered)) figures.answeredLate += 1;
    else figures.answeredWithinDeadline += 1;
    if (t.firstContactAt !== null) hours.push((Date.parse(t.firstContactAt) - Date.parse(t.receivedAt)) / HOUR_MS);
  }
  const middle = median(hours);
  return { ...figures, medianHoursToFirstContact: middle === null ? null : Math.round(middle * 10) / 10 };
}

/** Each month from `from` to `to` of the office's inquiries, by the month they were received. */
export function inquiryMonths(office: string, from: string, to: string, docs: ReadonlyMap<string, unknown>, now: string) {
  return monthsBetween(from, to).map((month) => {
    const row = docs.get(monthKey(office, month)) as InquiryMonth | undefined;
    return { month, ...inquiryFigures(Object.values(row?.inquiries ?? {}), now) };
  });
}

/** The open inquiries past their deadline at `now`, oldest deadline first, with hours overdue. */
export function overdueInquiries(open: Iterable<OpenInquiry>, now: string) {
  return [...open]
    .filter((inquiry) => isBefore(inquiry.dueAt, now))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.inquiryId.localeCompare(b.inquiryId))
    .map((inquiry) => ({ ...inquiry, hoursOverdue: Math.floor((Date.parse(now) - Date.parse(inquiry.dueAt)) / HOUR_MS) }));
}
