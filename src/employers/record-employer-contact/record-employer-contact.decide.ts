import { naceSection } from '../../shared/values/nace.js';
import { mayHoldPersonalId } from '../../shared/values/note.js';
import { isValidOrgNumber } from '../../shared/values/org-number.js';
import { assertOccurredAt } from '../../shared/values/time.js';
import type { EmployerAccount, EmployerContacted } from '../employer.js';
import { InvalidNaceCode, InvalidOrgNumber, NoteContainsPersonalId, PersonalDataNotConfirmed } from '../employer.errors.js';
import type { Channel, Theme } from '../../shared/values/codes.js';

/** What the decision needs: the body as checked, who sent it and when (time and ids come in here). */
export interface RecordEmployerContact {
  contactId: string;
  orgNumber: string;
  employerName?: string;
  naceCode?: string;
  channel: Channel;
  theme: Theme;
  occurredAt: string;
  durationMinutes?: number;
  note?: string;
  noPersonalData?: boolean;
  navIdent: string;
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
        occurredAt: command.occurredAt,
        durationMinutes: command.durationMinutes,
        note: command.note,
        navIdent: command.navIdent,
      },
    },
  ];
}
