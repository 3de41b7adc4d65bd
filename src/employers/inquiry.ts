import type { DomainEvent } from '@app/event-store';
import type { InquiryClosingReason, InquirySource, Theme } from '../shared/values/codes.js';
import type { CorrectionFacts } from '../shared/values/correction.js';
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

/**
 * The contact that answered the inquiry (`contactId`) was registered in error (in the same append
 * as its correction): the inquiry is answered by the contacts that remain, at the earliest of them
 * (`remaining.firstContactAt`), or not at all. `reopened` when nothing answers it any more and it
 * is not closed: what the overdue list shows of it again.
 */
export type InquiryAnswerCorrected = DomainEvent<
  'InquiryAnswerCorrected',
  CorrectionFacts & {
    inquiryId: string;
    receivedAt: string;
    contactId: string;
    remaining: { firstContactAt?: string };
    reopened?: { orgNumber: string; source: InquirySource; theme: Theme; dueAt: string; responsible: string | null };
  }
>;

export type InquiryEvent = InquiryRegistered | InquiryTaken | InquiryAnswered | InquiryClosed | InquiryAnswerCorrected;

export type Inquiry =
  | { status: 'none' }
  | {
      status: 'open' | 'closed';
      inquiryId: string;
      orgNumber: string;
      source: InquirySource;
      theme: Theme;
      receivedAt: string;
      dueAt: string;
      responsible?: string;
      /** The contacts that answer it (contact id → when), corrected ones taken out. */
      answers: Record<string, string>;
    };

export const initialInquiry = (): Inquiry => ({ status: 'none' });

/** The earliest contact that answers the inquiry, if any. */
export const firstContactAt = (answers: Record<string, string>): string | undefined =>
  Object.values(answers).reduce<string | undefined>((first, at) => (first === undefined || isBefore(at, first) ? at : first), undefined);

export function evolveInquiry(state: Inquiry, event: InquiryEvent): Inquiry {
  switch (event.type) {
    case 'InquiryRegistered': {
      const { inquiryId, orgNumber, source, theme, receivedAt, dueAt } = event.data;
      return { status: 'open', inquiryId, orgNumber, source, theme, receivedAt, dueAt, answers: {} };
    }
    case 'InquiryTaken':
      return state.status === 'none' ? state : { ...state, responsible: event.data.navIdent };
    case 'InquiryAnswered':
      return state.status === 'none' ? state : { ...state, answers: { ...state.answers, [event.data.contactId]: event.data.occurredAt } };
    case 'InquiryAnswerCorrected': {
      if (state.status === 'none') return state;
      const { [event.data.contactId]: _corrected, ...answers } = state.answers;
      return { ...state, answers };
    }
    case 'InquiryClosed':
      return state.status === 'none' ? state : { ...state, status: 'closed' };
    default: {
      const never: never = event;
      return never;
    }
  }
}
