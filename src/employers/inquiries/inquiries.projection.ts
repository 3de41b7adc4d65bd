import type { Projection } from '@app/projections';
import { officeOfStream, type RecordedEvent } from '@app/event-store';
import { isBefore, toUtc } from '../../shared/values/time.js';
import { monthOf } from '../../shared/views/months.js';
import type { InquiryEvent } from '../inquiry.js';

/** One inquiry's times (UTC), as its month's figures need them. */
export interface InquiryTimes {
  receivedAt: string;
  dueAt: string;
  firstContactAt: string | null;
  closedAt: string | null;
}

/** An office's inquiries received in one UTC month (each one place: its id). */
export interface InquiryMonth {
  month: string;
  officeNumber: string;
  inquiries: Record<string, InquiryTimes>;
}

/** An inquiry not answered yet (no contact, not closed): what the overdue list shows. */
export interface OpenInquiry {
  inquiryId: string;
  orgNumber: string;
  source: string;
  theme: string;
  receivedAt: string;
  dueAt: string;
  responsible: string | null;
}

type Doc = InquiryMonth | OpenInquiry;
type Inquiring = RecordedEvent & InquiryEvent;

/** Month first, so the national comparison reads a range of months across every office. */
export const monthKey = (office: string, month: string) => `m|${month}|${office}`;
export const monthRowsOfEveryOffice = (from: string, to: string) => ({ from: `m|${from}`, to: `m|${to}` });
export const openPrefix = (office: string) => `o|${office}|`;
export const OPEN_PREFIX = 'o|';
/** Received time first, so an office's open inquiries come oldest first. */
const openKey = (office: string, receivedAt: string, inquiryId: string) => `${openPrefix(office)}${receivedAt}|${inquiryId}`;

const keysOf = (event: Inquiring) => {
  const office = officeOfStream(event.streamId)!;
  const receivedAt = toUtc(event.data.receivedAt);
  return { month: monthKey(office, monthOf(receivedAt)), open: openKey(office, receivedAt, event.data.inquiryId) };
};

const earlier = (a: string, b: string | null) => (b === null || isBefore(a, b) ? a : b);

export const inquiriesProjection: Projection<Doc, Inquiring> = {
  name: 'inquiries',
  // InquiryAnswerCorrected came after 1 without a new version: no row held one before.
  version: 1,
  eventTypes: ['InquiryRegistered', 'InquiryTaken', 'InquiryAnswered', 'InquiryClosed', 'InquiryAnswerCorrected'],
  keysOf: (event) => Object.values(keysOf(event)),
  evolve(rows, event) {
    const keys = keysOf(event);
    const office = officeOfStream(event.streamId)!;
    const receivedAt = toUtc(event.data.receivedAt);
    const month = (rows.get(keys.month) as InquiryMonth | undefined) ?? { month: monthOf(receivedAt), officeNumber: office, inquiries: {} };
    const times = month.inquiries[event.data.inquiryId];
    const open = rows.get(keys.open) as OpenInquiry | undefined;
    switch (event.type) {
      case 'InquiryRegistered': {
        const d = event.data;
        const dueAt = toUtc(d.dueAt);
        month.inquiries[d.inquiryId] = { receivedAt, dueAt, firstContactAt: null, closedAt: null };
        rows.set(keys.month, month);
        rows.set(keys.open, {
          inquiryId: d.inquiryId,
          orgNumber: d.orgNumber,
          source: d.source,
          theme: d.theme,
          receivedAt,
          dueAt,
          responsible: null,
        });
        return;
      }
      case 'InquiryTaken':
        if (open) rows.set(keys.open, { ...open, responsible: event.data.navIdent });
        return;
      case 'InquiryAnswered':
        if (!times) return; // registered in error and closed: out of the figures
        times.firstContactAt = earlier(toUtc(event.data.occurredAt), times.firstContactAt);
        rows.set(keys.month, month);
        rows.delete(keys.open);
        return;
      case 'InquiryAnswerCorrected': {
        if (!times) return;
        const { remaining, reopened } = event.data;
        times.firstContactAt = remaining.firstContactAt === undefined ? null : toUtc(remaining.firstContactAt);
        rows.set(keys.month, month);
        if (reopened) {
          const { inquiryId } = event.data;
          rows.set(keys.open, { inquiryId, ...reopened, receivedAt, dueAt: toUtc(reopened.dueAt) });
        }
        return;
      }
      case 'InquiryClosed':
        rows.delete(keys.open);
        if (!times) return;
        // An inquiry registered in error was never one: it leaves every figure.
        if (event.data.reason === 'REGISTERED_IN_ERROR') delete month.inquiries[event.data.inquiryId];
        else times.closedAt = toUtc(event.data.occurredAt);
        rows.set(keys.month, month);
        return;
      default: {
        const never: never = event;
        return never;
      }
    }
  },
};
