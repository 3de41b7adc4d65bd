import { naceSection } from '../../shared/values/nace.js';
import { mayHoldPersonalId } from '../../shared/values/note.js';
import { isValidOrgNumber } from '../../shared/values/org-number.js';
import { assertOccurredAt, isBefore } from '../../shared/values/time.js';
import type { EmployerAccount, EmployerContacted } from '../employer.js';
import {
  BeforeInquiryReceived,
  InquiryNotFound,
  InquiryOfAnotherEmployer,
  InvalidNaceCode,
  InvalidOrgNumber,
  NoteContainsPersonalId,
  PersonalDataNotConfirmed,
  ServiceNotInTheme,
} from '../employer.errors.js';
import { serviceBelongsToTheme, type Channel, type Service, type Theme } from '../../shared/values/codes.js';
import type { EmployerContactedByOtherOffice } from '../employer-home.js';
import type { Inquiry, InquiryAnswered } from '../inquiry.js';

/** What the decision needs: the body as checked, who sent it and when (time and ids come in here). */
export interface RecordEmployerContact {
  contactId: string;
  orgNumber: string;
  employerName?: string;
  naceCode?: string;
  channel: Channel;
  theme: Theme;
  service?: Service;
  occurredAt: string;
  durationMinutes?: number;
  note?: string;
  noPersonalData?: boolean;
  navIdent: string;
  inquiryId?: string;
  /** The employer's home office, when it is not the advisor's. */
  employerOfficeNumber?: string;
  /** The server's clock when the command arrived. */
  now: string;
}

/** Any number of contacts, in any order: the account's history does not limit a new one. */
export function recordEmployerContact(command: RecordEmployerContact, _state: EmployerAccount): EmployerContacted[] {
  if (!isValidOrgNumber(command.orgNumber)) throw new InvalidOrgNumber();
  assertOccurredAt(command.occurredAt, command.now);
  // The section is fixed at the time of contact, so views never re-derive it from a later code.
  const section = command.naceCode === undefined ? undefined : naceSection(command.naceCode);
  if (command.naceCode !== undefined && section === undefined) throw new InvalidNaceCode();
  if (command.service !== undefined && !serviceBelongsToTheme(command.service, command.theme)) {
    throw new ServiceNotInTheme(command.service, command.theme);
  }
  if (command.note !== undefined) {
    if (command.noPersonalData !== true) throw new PersonalDataNotConfirmed();
    if (mayHoldPersonalId(command.note)) throw new NoteContainsPersonalId();
  }
  return [
    {
      type: 'EmployerContacted',
      data: {
        contactId: command.contactId,
        orgNumber: command.orgNumber,
        employerName: command.employerName,
        naceCode: command.naceCode,
        naceSection: section,
        channel: command.channel,
        theme: command.theme,
        service: command.service ?? null,
        occurredAt: command.occurredAt,
        durationMinutes: command.durationMinutes,
        note: command.note,
        navIdent: command.navIdent,
        ...(command.inquiryId === undefined ? {} : { inquiryId: command.inquiryId }),
        ...(command.employerOfficeNumber === undefined ? {} : { employerOfficeNumber: command.employerOfficeNumber }),
      },
    },
  ];
}

/** A contact naming an inquiry answers it: the inquiry must be this office's, from this employer, received before. */
export function answerInquiry(contact: EmployerContacted['data'], inquiry: Inquiry): InquiryAnswered[] {
  const inquiryId = contact.inquiryId!;
  if (inquiry.status === 'none') throw new InquiryNotFound(inquiryId);
  if (inquiry.orgNumber !== contact.orgNumber) throw new InquiryOfAnotherEmployer(inquiryId);
  if (isBefore(contact.occurredAt, inquiry.receivedAt)) throw new BeforeInquiryReceived();
  const { contactId, occurredAt, navIdent } = contact;
  return [{ type: 'InquiryAnswered', data: { inquiryId, receivedAt: inquiry.receivedAt, contactId, occurredAt, navIdent } }];
}

/** What the employer's home office is told of a contact by an advisor of `byOfficeNumber`. */
export function tellHomeOffice(contact: EmployerContacted['data'], byOfficeNumber: string): EmployerContactedByOtherOffice[] {
  const { contactId, orgNumber, theme, service, occurredAt, navIdent } = contact;
  return [{ type: 'EmployerContactedByOtherOffice', data: { contactId, orgNumber, byOfficeNumber, theme, service, occurredAt, navIdent } }];
}
