import { DeciderSpecification } from '@app/testing';
import type { EmployerEvent } from '../employer.js';
import { employerContactsModel } from '../employer-contacts.js';
import { AlreadyCorrected, EmployerContactNotFound, NotCorrectable } from '../employer.errors.js';
import { correctEmployerContact, type CorrectEmployerContact } from './correct-employer-contact.decide.js';

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

describe('correcting an employer contact', () => {
  it('takes the contact back, with what the remaining contacts add up to', () => {
    spec
      .given([first, second])
      .when(command('c2'))
      .then([
        {
          type: 'EmployerContactCorrected',
          data: {
            contactId: 'c2',
            orgNumber: '974760673',
            reason: 'WRONG_EMPLOYER',
            correctedAt: now,
            navIdent: 'Z200002',
            corrected: { occurredAt: '2026-03-10T10:00:00.000Z', navIdent: 'Z100001', channel: 'VISIT', theme: 'RECRUITMENT' },
            remaining: { lastContactAt: '2026-01-10T10:00:00.000Z', employerName: 'Byggmester AS', naceSection: 'F' },
          },
        },
      ]);
  });

  it('carries the service of the contact it takes back, so views can take it out of byService', () => {
    const withService = contact('c3', '2026-03-12T10:00:00.000Z', { service: 'JOB_FAIR' });
    spec
      .given([first, withService])
      .when(command('c3'))
      .then([
        {
          type: 'EmployerContactCorrected',
          data: {
            contactId: 'c3',
            orgNumber: '974760673',
            reason: 'WRONG_EMPLOYER',
            correctedAt: now,
            navIdent: 'Z200002',
            corrected: {
              occurredAt: '2026-03-12T10:00:00.000Z',
              navIdent: 'Z100001',
              channel: 'VISIT',
              theme: 'RECRUITMENT',
              service: 'JOB_FAIR',
            },
            remaining: { lastContactAt: '2026-01-10T10:00:00.000Z', employerName: 'Byggmester AS', naceSection: 'F' },
          },
        },
      ]);
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
});
