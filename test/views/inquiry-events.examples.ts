import type { InquiryAnswered, InquiryClosed, InquiryRegistered, InquiryTaken } from '../../src/employers/inquiry.js';
import { addNorwegianWorkingDays } from '../../src/shared/values/working-days.js';

/** Inquiry events as the deciders write them, for the views' specs: due two working days after receipt. */
export const inquiryRegistered = (inquiryId: string, receivedAt: string, orgNumber = '974760673'): InquiryRegistered => ({
  type: 'InquiryRegistered',
  data: {
    inquiryId,
    orgNumber,
    source: 'CONTACT_FORM',
    theme: 'RECRUITMENT',
    receivedAt,
    dueAt: addNorwegianWorkingDays(receivedAt, 2),
    navIdent: 'Z123456',
  },
});

export const inquiryTaken = (inquiryId: string, receivedAt: string, occurredAt: string, navIdent = 'Z222222'): InquiryTaken => ({
  type: 'InquiryTaken',
  data: { inquiryId, receivedAt, occurredAt, navIdent },
});

export const inquiryAnswered = (inquiryId: string, receivedAt: string, occurredAt: string): InquiryAnswered => ({
  type: 'InquiryAnswered',
  data: { inquiryId, receivedAt, contactId: `contact@${occurredAt}`, occurredAt, navIdent: 'Z123456' },
});

export const inquiryClosed = (
  inquiryId: string,
  receivedAt: string,
  occurredAt: string,
  reason: InquiryClosed['data']['reason'] = 'CONTACTED_NO_NEED',
): InquiryClosed => ({
  type: 'InquiryClosed',
  data: { inquiryId, receivedAt, reason, occurredAt, navIdent: 'Z123456' },
});
