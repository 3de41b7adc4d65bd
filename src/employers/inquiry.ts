import type { DomainEvent } from '@app/event-store';
import type { InquiryClosingReason, InquirySource, Theme } from '../shared/values/codes.js';
import { isBefore } from '../shared/values/time.js';

/**
 * Stream `office-<officeNumber>.inquiry-<inquiryId>`: one employer's inquiry (henvendelse) to an
 * office, from receipt to closing. Every event carries `receivedAt`, so views file it under the
 * month it was received without a lookup; `dueAt` is fixed when it is registered.
 */
export const INQUIRY_STREAM_KIND = 'inquiry';

/** Working days an office has to answer an inquiry. */
export const INQUIRY_ANSWER_WORKING_DAYS = 2;

export type InquiryRegistered = DomainEvent<
  'InquiryRegistered',
  { inquiryId: string; orgNumber: string; source: InquirySource; theme: Theme; receivedAt: string; dueAt: string; navIdent: string }
>;

export type InquiryTaken = DomainEvent<'InquiryTaken', { inquiryId: string; receivedAt: string; occurredAt: string; navIdent: string }>;

/** A contact recorded with the employer names this inquiry (the first such contact answers it). */
export type InquiryAnswered = DomainEvent<
  'InquiryAnswered',
  { inquiryId: string; receivedAt: string; contactId: string; occurredAt: string; navIdent: string }
>;

export type InquiryClosed = DomainEvent<
  'InquiryClosed',
  { inquiryId: string; receivedAt: string; reason: InquiryClosingReason; note?: string; occurredAt: string; navIdent: string }
>;

export type InquiryEvent = InquiryRegistered | InquiryTaken | InquiryAnswered | InquiryClosed;

export type Inquiry =
  | { status: 'none' }
  | {
      status: 'open' | 'closed';
      inquiryId: string;
      orgNumber: string;
      receivedAt: string;
      responsible?: string;
      firstContactAt?: string;
    };

export const initialInquiry = (): Inquiry => ({ status: 'none' });

export function evolveInquiry(state: Inquiry, event: InquiryEvent): Inquiry {
  switch (event.type) {
    case 'InquiryRegistered':
      return { status: 'open', inquiryId: event.data.inquiryId, orgNumber: event.data.orgNumber, receivedAt: event.data.receivedAt };
    case 'InquiryTaken':
      return state.status === 'none' ? state : { ...state, responsible: event.data.navIdent };
    case 'InquiryAnswered': {
      if (state.status === 'none') return state;
      const at = event.data.occurredAt;
      const first = state.firstContactAt === undefined || isBefore(at, state.firstContactAt) ? at : state.firstContactAt;
      return { ...state, firstContactAt: first };
    }
    case 'InquiryClosed':
      return state.status === 'none' ? state : { ...state, status: 'closed' };
    default: {
      const never: never = event;
      return never;
    }
  }
}
