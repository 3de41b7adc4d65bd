import type { ContactCorrectionReason } from '../../shared/values/correction.js';
import { latest } from '../../shared/values/time.js';
import type { EmployerContactCorrected, EmployerContactNoteRedacted } from '../employer-correction.js';
import type { EmployerContacts } from '../employer-contacts.js';
import type { EmployerContactByOtherOfficeCorrected } from '../employer-home.js';
import { firstContactAt, type Inquiry, type InquiryAnswerCorrected } from '../inquiry.js';
import { AlreadyCorrected, EmployerContactNotFound, NotCorrectable } from '../employer.errors.js';

/** Declares a contact registered in error, or (`NOTE_REDACTED`) discards its note. */
export interface CorrectEmployerContact {
  contactId: string;
  orgNumber: string;
  reason: ContactCorrectionReason;
  text?: string;
  navIdent: string;
  now: string;
}

type Correction = EmployerContactCorrected | EmployerContactNoteRedacted;

export function correctEmployerContact(command: CorrectEmployerContact, { contacts }: EmployerContacts): Correction[] {
  const target = contacts.find((c) => c.contactId === command.contactId);
  if (!target) throw new EmployerContactNotFound(command.contactId);
  const { contactId, orgNumber, text, navIdent, now } = command;
  const facts = { contactId, orgNumber, ...(text === undefined ? {} : { text }), correctedAt: now, navIdent };
  if (command.reason === 'NOTE_REDACTED') {
    if (!target.hasNote) throw new NotCorrectable(`Contact ${contactId} has no note to redact`);
    if (target.redacted) throw new AlreadyCorrected(`The note of contact ${contactId}`);
    return [{ type: 'EmployerContactNoteRedacted', data: { ...facts, reason: 'NOTE_REDACTED' } }];
  }
  if (target.corrected) throw new AlreadyCorrected(`Contact ${contactId}`);
  const remaining = contacts.filter((c) => !c.corrected && c !== target);
  const lastContactAt = remaining.reduce<string | undefined>((last, c) => latest(c.occurredAt, last), undefined);
  // As the views take them: the last contact that named the employer (or its section) wins.
  const employerName = remaining.reduce<string | undefined>((name, c) => c.employerName ?? name, undefined);
  const naceSection = remaining.reduce<string | undefined>((section, c) => c.naceSection ?? section, undefined);
  const { occurredAt, channel, theme } = target;
  return [
    {
      type: 'EmployerContactCorrected',
      data: {
        ...facts,
        reason: command.reason,
        corrected: {
          occurredAt,
          navIdent: target.navIdent,
          channel,
          theme,
          ...(target.naceSection ? { naceSection: target.naceSection } : {}),
          ...(target.service ? { service: target.service } : {}),
          ...(target.employerOfficeNumber ? { employerOfficeNumber: target.employerOfficeNumber } : {}),
          ...(target.inquiryId ? { inquiryId: target.inquiryId } : {}),
        },
        remaining: {
          ...(lastContactAt ? { lastContactAt } : {}),
          ...(employerName ? { employerName } : {}),
          ...(naceSection ? { naceSection } : {}),
        },
      },
    },
  ];
}

type ContactCorrection = EmployerContactCorrected['data'];
const factsOf = ({ reason, text, correctedAt, navIdent }: ContactCorrection) => ({
  reason,
  ...(text === undefined ? {} : { text }),
  correctedAt,
  navIdent,
});

/** What the home office that was told of the contact (`corrected.employerOfficeNumber`) is told of its correction. */
export function tellHomeOfficeOfCorrection(correction: ContactCorrection, byOfficeNumber: string): EmployerContactByOtherOfficeCorrected[] {
  const { contactId, orgNumber, corrected } = correction;
  return [
    {
      type: 'EmployerContactByOtherOfficeCorrected',
      data: { ...factsOf(correction), contactId, orgNumber, byOfficeNumber, occurredAt: corrected.occurredAt },
    },
  ];
}

/**
 * The inquiry the corrected contact answered is answered by it no more: by the contacts that remain,
 * or by nothing, and then, unless it was closed, it is open again (overdue once past its deadline).
 */
export function withdrawAnswer(correction: ContactCorrection, inquiry: Inquiry): InquiryAnswerCorrected[] {
  if (inquiry.status === 'none' || !(correction.contactId in inquiry.answers)) return [];
  const { [correction.contactId]: _corrected, ...answers } = inquiry.answers;
  const first = firstContactAt(answers);
  const { inquiryId, receivedAt, orgNumber, source, theme, dueAt, responsible } = inquiry;
  const reopened = first === undefined && inquiry.status === 'open';
  return [
    {
      type: 'InquiryAnswerCorrected',
      data: {
        ...factsOf(correction),
        inquiryId,
        receivedAt,
        contactId: correction.contactId,
        remaining: first === undefined ? {} : { firstContactAt: first },
        ...(reopened ? { reopened: { orgNumber, source, theme, dueAt, responsible: responsible ?? null } } : {}),
      },
    },
  ];
}
