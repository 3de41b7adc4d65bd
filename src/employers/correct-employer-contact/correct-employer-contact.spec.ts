import { DeciderSpecification } from '@app/testing';
import type { EmployerEvent } from '../employer.js';
import { employerContactsModel } from '../employer-contacts.js';
import { AlreadyCorrected, EmployerContactNotFound, NotCorrectable } from '../employer.errors.js';
import type { EmployerContactCorrected } from '../employer-correction.js';
import { evolveInquiry, initialInquiry, type Inquiry, type InquiryEvent } from '../inquiry.js';
import {
  correctEmployerContact,
  tellHomeOfficeOfCorrection,
  withdrawAnswer,
  type CorrectEmployerContact,
} from './correct-employer-contact.decide.js';

const spec = DeciderSpecification.for({
  decide: correctEmployerContact,
  evolve: employerContactsModel.evolve,
  initialState: employerContactsModel.initialState,
});
const now = '2026-05-01T12:00:00.000Z';
const contact = (contactId: string, occurredAt: string, extra: object = {}): EmployerEvent => ({
  type: 'EmployerContacted',
  data: {
    contactId,
    orgNumber: '974760673',
    channel: 'VISIT',
    theme: 'RECRUITMENT',
    service: null,
    occurredAt,
    navIdent: 'Z100001',
    ...extra,
  },
});
const command = (contactId: string, reason: CorrectEmployerContact['reason'] = 'WRONG_EMPLOYER'): CorrectEmployerContact => ({
  contactId,
  orgNumber: '974760673',
  reason,
  navIdent: 'Z200002',
  now,
});
const first = contact('c1', '2026-01-10T10:00:00.000Z', { employerName: 'Byggmester AS', naceSection: 'F' });
const second = contact('c2', '2026-03-10T10:00:00.000Z', { employerName: 'Feil Navn AS', note: 'ring tilbake' });
/** The correction of a contact recorded after `first`, with what `first` adds up to remaining. */
const takenBack = (contactId: string, occurredAt: string, extra: object = {}): EmployerEvent => ({
  type: 'EmployerContactCorrected',
  data: {
    contactId,
    orgNumber: '974760673',
    reason: 'WRONG_EMPLOYER',
    correctedAt: now,
    navIdent: 'Z200002',
    corrected: { occurredAt, navIdent: 'Z100001', channel: 'VISIT', theme: 'RECRUITMENT', ...extra },
    remaining: { lastContactAt: '2026-01-10T10:00:00.000Z', employerName: 'Byggmester AS', naceSection: 'F' },
  },
});

describe('correcting an employer contact', () => {
  it('takes the contact back, with what the remaining contacts add up to', () => {
    spec
      .given([first, second])
      .when(command('c2'))
      .then([takenBack('c2', '2026-03-10T10:00:00.000Z')]);
  });

  it('carries the service of the contact it takes back, so views can take it out of byService', () => {
    const withService = contact('c3', '2026-03-12T10:00:00.000Z', { service: 'JOB_FAIR' });
    spec
      .given([first, withService])
      .when(command('c3'))
      .then([takenBack('c3', '2026-03-12T10:00:00.000Z', { service: 'JOB_FAIR' })]);
  });

  it('redacts a note once, and only a note that exists', () => {
    spec
      .given([first, second])
      .when(command('c2', 'NOTE_REDACTED'))
      .then([
        {
          type: 'EmployerContactNoteRedacted',
          data: { contactId: 'c2', orgNumber: '974760673', reason: 'NOTE_REDACTED', correctedAt: now, navIdent: 'Z200002' },
        },
      ]);
    spec.given([first]).when(command('c1', 'NOTE_REDACTED')).thenThrows(NotCorrectable);
    const redacted: EmployerEvent = {
      type: 'EmployerContactNoteRedacted',
      data: { contactId: 'c2', orgNumber: '974760673', reason: 'NOTE_REDACTED', correctedAt: now, navIdent: 'Z200002' },
    };
    spec.given([first, second, redacted]).when(command('c2', 'NOTE_REDACTED')).thenThrows(AlreadyCorrected);
  });

  it('corrects a contact once, and knows only the contacts of this stream', () => {
    spec
      .given([first])
      .when(command('c9'))
      .thenThrows(EmployerContactNotFound, (e) => expect(e.kind).toBe('not_found'));
    const done: EmployerEvent = {
      type: 'EmployerContactCorrected',
      data: {
        contactId: 'c1',
        orgNumber: '974760673',
        reason: 'DUPLICATE',
        correctedAt: now,
        navIdent: 'Z200002',
        corrected: { occurredAt: '2026-01-10T10:00:00.000Z', navIdent: 'Z100001', channel: 'VISIT', theme: 'RECRUITMENT' },
        remaining: {},
      },
    };
    spec
      .given([first, done])
      .when(command('c1'))
      .thenThrows(AlreadyCorrected, (e) => expect(e.code).toBe('CORRECTION.ALREADY_CORRECTED'));
  });

  it('names the home office told of the contact and the inquiry it answered, so the same append takes it back there', () => {
    const served = contact('c4', '2026-03-12T10:00:00.000Z', { employerOfficeNumber: '0314', inquiryId: 'i1' });
    spec
      .given([first, served])
      .when(command('c4'))
      .then([takenBack('c4', '2026-03-12T10:00:00.000Z', { employerOfficeNumber: '0314', inquiryId: 'i1' })]);
  });
});

describe("a contact's correction elsewhere", () => {
  const correction = (contactId: string): EmployerContactCorrected['data'] => ({
    contactId,
    orgNumber: '974760673',
    reason: 'OTHER',
    text: 'feil arbeidsgiver',
    correctedAt: now,
    navIdent: 'Z200002',
    corrected: { occurredAt: '2026-03-12T10:00:00.000Z', navIdent: 'Z100001', channel: 'VISIT', theme: 'RECRUITMENT', inquiryId: 'i1' },
    remaining: {},
  });
  const receivedAt = '2026-03-10T08:00:00.000Z';
  const inquiry = (...events: InquiryEvent[]): Inquiry => events.reduce(evolveInquiry, initialInquiry());
  const registered: InquiryEvent = {
    type: 'InquiryRegistered',
    data: {
      inquiryId: 'i1',
      orgNumber: '974760673',
      source: 'CONTACT_CENTRE',
      theme: 'RECRUITMENT',
      receivedAt,
      dueAt: '2026-03-12T08:00:00.000Z',
      navIdent: 'Z100001',
    },
  };
  const answered = (contactId: string, occurredAt: string): InquiryEvent => ({
    type: 'InquiryAnswered',
    data: { inquiryId: 'i1', receivedAt, contactId, occurredAt, navIdent: 'Z100001' },
  });
  const taken: InquiryEvent = { type: 'InquiryTaken', data: { inquiryId: 'i1', receivedAt, occurredAt: receivedAt, navIdent: 'Z300003' } };
  const facts = { reason: 'OTHER', text: 'feil arbeidsgiver', correctedAt: now, navIdent: 'Z200002' };

  it('tells the home office which contact of which office no longer counts, in the month it counted', () => {
    expect(tellHomeOfficeOfCorrection(correction('c4'), '5001')).toEqual([
      {
        type: 'EmployerContactByOtherOfficeCorrected',
        data: { ...facts, contactId: 'c4', orgNumber: '974760673', byOfficeNumber: '5001', occurredAt: '2026-03-12T10:00:00.000Z' },
      },
    ]);
  });

  it('opens the inquiry again when nothing else answers it, with its deadline and the advisor who took it', () => {
    expect(withdrawAnswer(correction('c4'), inquiry(registered, taken, answered('c4', '2026-03-12T10:00:00.000Z')))).toEqual([
      {
        type: 'InquiryAnswerCorrected',
        data: {
          ...facts,
          inquiryId: 'i1',
          receivedAt,
          contactId: 'c4',
          remaining: {},
          reopened: {
            orgNumber: '974760673',
            source: 'CONTACT_CENTRE',
            theme: 'RECRUITMENT',
            dueAt: '2026-03-12T08:00:00.000Z',
            responsible: 'Z300003',
          },
        },
      },
    ]);
  });

  it('leaves the inquiry answered by the earliest contact that remains, and a closed one closed', () => {
    const twice = inquiry(registered, answered('c4', '2026-03-12T10:00:00.000Z'), answered('c5', '2026-03-11T10:00:00.000Z'));
    expect(withdrawAnswer(correction('c4'), twice)[0]!.data).toMatchObject({ remaining: { firstContactAt: '2026-03-11T10:00:00.000Z' } });
    expect(withdrawAnswer(correction('c4'), twice)[0]!.data).not.toHaveProperty('reopened');
    const closed = inquiry(registered, answered('c4', '2026-03-12T10:00:00.000Z'), {
      type: 'InquiryClosed',
      data: { inquiryId: 'i1', receivedAt, reason: 'CONTACTED_NO_NEED', occurredAt: '2026-03-13T10:00:00.000Z', navIdent: 'Z100001' },
    });
    const [withdrawn] = withdrawAnswer(correction('c4'), closed);
    expect(withdrawn!.data.remaining).toEqual({});
    expect(withdrawn!.data).not.toHaveProperty('reopened');
  });

  it('writes nothing to an inquiry the contact does not answer', () => {
    expect(withdrawAnswer(correction('c9'), inquiry(registered, answered('c4', '2026-03-12T10:00:00.000Z')))).toEqual([]);
    expect(withdrawAnswer(correction('c4'), inquiry())).toEqual([]);
  });
});
