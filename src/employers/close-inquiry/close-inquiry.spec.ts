import { DeciderSpecification } from '@app/testing';
import {
  BeforeInquiryReceived,
  ClosingNoteRequired,
  InquiryAlreadyClosed,
  InquiryNotFound,
  NoteContainsPersonalId,
  PersonalDataNotConfirmed,
} from '../employer.errors.js';
import { navIdent, now, orgNumber } from '../employer.examples.js';
import { evolveInquiry, initialInquiry, type InquiryClosed, type InquiryRegistered } from '../inquiry.js';
import { takeInquiry } from '../take-inquiry/take-inquiry.decide.js';
import { closeInquiry, type CloseInquiry } from './close-inquiry.decide.js';

const receivedAt = '2026-04-01T15:00:00+02:00';
const registered: InquiryRegistered = {
  type: 'InquiryRegistered',
  data: {
    inquiryId: 'q1',
    orgNumber,
    source: 'ARBEIDSPLASSEN',
    theme: 'DOWNSIZING',
    receivedAt,
    dueAt: '2026-04-08T13:00:00.000Z',
    navIdent,
  },
};
const closing: CloseInquiry = { inquiryId: 'q1', reason: 'CONTACTED_MEETING_AGREED', occurredAt: '2026-04-07T10:00:00Z', navIdent, now };
const closed = (overrides: Partial<InquiryClosed['data']> = {}): InquiryClosed => ({
  type: 'InquiryClosed',
  data: {
    inquiryId: 'q1',
    receivedAt,
    reason: 'CONTACTED_MEETING_AGREED',
    note: undefined,
    occurredAt: closing.occurredAt,
    navIdent,
    ...overrides,
  },
});
const spec = DeciderSpecification.for({ decide: closeInquiry, evolve: evolveInquiry, initialState: initialInquiry });
const take = DeciderSpecification.for({ decide: takeInquiry, evolve: evolveInquiry, initialState: initialInquiry });

describe('taking and closing an inquiry', () => {
  it('makes the advisor responsible, at the server clock unless told; taking it again changes nothing', () => {
    take
      .given([registered])
      .when({ inquiryId: 'q1', navIdent: 'Z222222', now })
      .then([{ type: 'InquiryTaken', data: { inquiryId: 'q1', receivedAt, occurredAt: now, navIdent: 'Z222222' } }]);
    const taken = { type: 'InquiryTaken' as const, data: { inquiryId: 'q1', receivedAt, occurredAt: now, navIdent: 'Z222222' } };
    take.given([registered, taken]).when({ inquiryId: 'q1', navIdent: 'Z222222', now }).then([]);
    take.given([]).when({ inquiryId: 'q1', navIdent, now }).thenThrows(InquiryNotFound);
    take.given([registered, closed()]).when({ inquiryId: 'q1', navIdent, now }).thenThrows(InquiryAlreadyClosed);
  });

  it('closes once, with a reason', () => {
    spec.given([registered]).when(closing).then([closed()]);
    spec
      .given([registered, closed()])
      .when(closing)
      .thenThrows(InquiryAlreadyClosed, (e) => expect(e.kind).toBe('conflict'));
    spec
      .given([])
      .when(closing)
      .thenThrows(InquiryNotFound, (e) => expect(e.kind).toBe('not_found'));
  });

  it('needs a note with OTHER, confirmed free of personal data and with no 11-digit number', () => {
    spec
      .given([registered])
      .when({ ...closing, reason: 'OTHER' })
      .thenThrows(ClosingNoteRequired, (e) => expect(e.path).toBe('note'));
    spec
      .given([registered])
      .when({ ...closing, reason: 'OTHER', note: 'flyttet' })
      .thenThrows(PersonalDataNotConfirmed);
    spec
      .given([registered])
      .when({ ...closing, reason: 'OTHER', note: 'gjelder 13097248022', noPersonalData: true })
      .thenThrows(NoteContainsPersonalId);
    spec
      .given([registered])
      .when({ ...closing, reason: 'OTHER', note: 'flyttet', noPersonalData: true })
      .then([closed({ reason: 'OTHER', note: 'flyttet' })]);
  });

  it('refuses a closing before the inquiry was received', () => {
    spec
      .given([registered])
      .when({ ...closing, occurredAt: '2026-04-01T12:59:00Z' })
      .thenThrows(BeforeInquiryReceived);
  });
});
