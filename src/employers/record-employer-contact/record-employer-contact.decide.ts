import { naceSection } from '../../shared/domain/nace.js';
import { mayHoldPersonalId } from '../../shared/domain/note.js';
import { isValidOrgNumber } from '../../shared/domain/org-number.js';
import { isTooFarInTheFuture } from '../../shared/domain/time.js';
import type { EmployerAccount, EmployerContacted } from '../employer.js';
import { InvalidOrgNumber, NoteContainsPersonalId, OccurredInTheFuture, PersonalDataNotConfirmed } from '../employer.errors.js';
import type { RecordEmployerContact } from './record-employer-contact.command.js';

export function recordEmployerContact(command: RecordEmployerContact, _state: EmployerAccount): EmployerContacted[] {
  if (!isValidOrgNumber(command.orgNumber)) throw new InvalidOrgNumber();
  if (isTooFarInTheFuture(command.occurredAt, command.now)) throw new OccurredInTheFuture();
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
        naceSection: command.naceCode ? naceSection(command.naceCode) : undefined,
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
