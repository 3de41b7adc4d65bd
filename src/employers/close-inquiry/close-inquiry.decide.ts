import type { InquiryClosingReason } from '../../shared/values/codes.js';
import { mayHoldPersonalId } from '../../shared/values/note.js';
import { assertOccurredAt, isBefore } from '../../shared/values/time.js';
import {
  BeforeInquiryReceived,
  ClosingNoteRequired,
  InquiryAlreadyClosed,
  InquiryNotFound,
  NoteContainsPersonalId,
  PersonalDataNotConfirmed,
} from '../employer.errors.js';
import type { Inquiry, InquiryClosed } from '../inquiry.js';

/** What the decision needs: the body as checked, who sent it and when (time and ids come in here). */
export interface CloseInquiry {
  inquiryId: string;
  reason: InquiryClosingReason;
  note?: string;
  noPersonalData?: boolean;
  occurredAt: string;
  navIdent: string;
  now: string;
}

/** An inquiry is closed once, with a reason; OTHER says why in a note with no personal data. */
export function closeInquiry(command: CloseInquiry, state: Inquiry): InquiryClosed[] {
  if (state.status === 'none') throw new InquiryNotFound(command.inquiryId);
  if (state.status === 'closed') throw new InquiryAlreadyClosed(command.inquiryId);
  assertOccurredAt(command.occurredAt, command.now);
  if (isBefore(command.occurredAt, state.receivedAt)) throw new BeforeInquiryReceived();
  if (command.reason === 'OTHER' && command.note === undefined) throw new ClosingNoteRequired();
  if (command.note !== undefined) {
    if (command.noPersonalData !== true) throw new PersonalDataNotConfirmed();
    if (mayHoldPersonalId(command.note)) throw new NoteContainsPersonalId();
  }
  return [
    {
      type: 'InquiryClosed',
      data: {
        inquiryId: state.inquiryId,
        receivedAt: state.receivedAt,
        reason: command.reason,
        note: command.note,
        occurredAt: command.occurredAt,
        navIdent: command.navIdent,
      },
    },
  ];
}
