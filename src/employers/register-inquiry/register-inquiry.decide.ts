import type { InquirySource, Theme } from '../../shared/values/codes.js';
import { isValidOrgNumber } from '../../shared/values/org-number.js';
import { assertOccurredAt } from '../../shared/values/time.js';
import { addNorwegianWorkingDays } from '../../shared/values/working-days.js';
import { InquiryAlreadyRegistered, InvalidOrgNumber } from '../employer.errors.js';
import { INQUIRY_ANSWER_WORKING_DAYS, type Inquiry, type InquiryRegistered } from '../inquiry.js';

/** What the decision needs: the body as checked, who sent it and when (time and ids come in here). */
export interface RegisterInquiry {
  inquiryId: string;
  orgNumber: string;
  source: InquirySource;
  theme: Theme;
  receivedAt: string;
  navIdent: string;
  now: string;
}

/** The deadline follows from the receipt alone: two Norwegian working days later, same Oslo time. */
export function registerInquiry(command: RegisterInquiry, state: Inquiry): InquiryRegistered[] {
  if (state.status !== 'none') throw new InquiryAlreadyRegistered(command.inquiryId);
  if (!isValidOrgNumber(command.orgNumber)) throw new InvalidOrgNumber();
  assertOccurredAt(command.receivedAt, command.now, 'receivedAt');
  return [
    {
      type: 'InquiryRegistered',
      data: {
        inquiryId: command.inquiryId,
        orgNumber: command.orgNumber,
        source: command.source,
        theme: command.theme,
        receivedAt: command.receivedAt,
        dueAt: addNorwegianWorkingDays(command.receivedAt, INQUIRY_ANSWER_WORKING_DAYS),
        navIdent: command.navIdent,
      },
    },
  ];
}
