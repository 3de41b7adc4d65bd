import type { ContactCorrectionReason } from '../../shared/values/correction.js';
import { latest } from '../../shared/values/time.js';
import type { EmployerContactCorrected, EmployerContactNoteRedacted } from '../employer-correction.js';
import type { EmployerContacts } from '../employer-contacts.js';
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
