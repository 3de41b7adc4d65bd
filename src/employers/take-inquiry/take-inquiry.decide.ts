import { assertOccurredAt, isBefore } from '../../shared/values/time.js';
import { BeforeInquiryReceived, InquiryAlreadyClosed, InquiryNotFound } from '../employer.errors.js';
import type { Inquiry, InquiryTaken } from '../inquiry.js';

/** What the decision needs: the body as checked, who sent it and when (time and ids come in here). */
export interface TakeInquiry {
  inquiryId: string;
  occurredAt?: string;
  navIdent: string;
  now: string;
}

/** An open inquiry gets a responsible advisor; taking it again hands it to the new one. */
export function takeInquiry(command: TakeInquiry, state: Inquiry): InquiryTaken[] {
  if (state.status === 'none') throw new InquiryNotFound(command.inquiryId);
  if (state.status === 'closed') throw new InquiryAlreadyClosed(command.inquiryId);
  if (state.responsible === command.navIdent) return [];
  const occurredAt = command.occurredAt ?? command.now;
  assertOccurredAt(occurredAt, command.now);
  if (isBefore(occurredAt, state.receivedAt)) throw new BeforeInquiryReceived();
  return [
    { type: 'InquiryTaken', data: { inquiryId: state.inquiryId, receivedAt: state.receivedAt, occurredAt, navIdent: command.navIdent } },
  ];
}
