import { DeciderSpecification } from '@app/testing';
import { evolveEmployerAccount, initialEmployerAccount } from '../employer.js';
import {
  BeforeInquiryReceived,
  InquiryNotFound,
  InquiryOfAnotherEmployer,
  ServiceNotInTheme,
  InvalidNaceCode,
  InvalidOrgNumber,
  NoteContainsPersonalId,
  OccurredInTheFuture,
  PersonalDataNotConfirmed,
} from '../employer.errors.js';
import { contacted, navIdent, now, orgNumber } from '../employer.examples.js';
import type { Inquiry } from '../inquiry.js';
import type { RecordEmployerContact } from './record-employer-contact.decide.js';
import { answerInquiry, recordEmployerContact, tellHomeOffice } from './record-employer-contact.decide.js';

const spec = DeciderSpecification.for({
  decide: recordEmployerContact,
  evolve: evolveEmployerAccount,
  initialState: initialEmployerAccount,
});

const contact: RecordEmployerContact = {
  contactId: 'contact-1',
  orgNumber,
  employerName: 'Byggmester AS',
  naceCode: '41.200',
  channel: 'VISIT',
  theme: 'RECRUITMENT',
  occurredAt: '2026-05-01T09:00:00.000Z',
  durationMinutes: 45,
  navIdent,
  now,
};

describe('recording an employer contact', () => {
  it('records the contact with the advisor and the NACE section of its industry code', () => {
    spec.given([]).when(contact).then([contacted()]);
  });

  it('records another contact with the same employer, registered late', () => {
    spec
      .given([contacted()])
      .when({ ...contact, contactId: 'contact-2', occurredAt: '2024-01-10T10:00:00+01:00' })
      .then([contacted({ contactId: 'contact-2', occurredAt: '2024-01-10T10:00:00+01:00' })]);
  });

  it('records a contact with only the required facts', () => {
    const bare: RecordEmployerContact = {
      contactId: 'contact-1',
      orgNumber,
      channel: 'PHONE',
      theme: 'SURVEY',
      occurredAt: contact.occurredAt,
      navIdent,
      now,
    };
    spec
      .given([])
      .when(bare)
      .then([
        contacted({
          employerName: undefined,
          naceCode: undefined,
          naceSection: undefined,
          channel: 'PHONE',
          theme: 'SURVEY',
          durationMinutes: undefined,
        }),
      ]);
  });

  it('refuses an organisation number that fails the mod-11 check', () => {
    spec
      .given([])
      .when({ ...contact, orgNumber: '974760674' })
      .thenThrows(InvalidOrgNumber, (e) => {
        expect(e).toMatchObject({ code: 'ORG_NUMBER.INVALID', kind: 'invalid', path: 'orgNumber' });
      });
  });

  it('accepts a contact five minutes ahead of the clock but refuses one further ahead', () => {
    spec
      .given([])
      .when({ ...contact, occurredAt: '2026-05-01T12:05:00.000Z' })
      .then([contacted({ occurredAt: '2026-05-01T12:05:00.000Z' })]);
    spec
      .given([])
      .when({ ...contact, occurredAt: '2026-05-01T12:06:00.000Z' })
      .thenThrows(OccurredInTheFuture, (e) => {
        expect(e).toMatchObject({ code: 'OCCURRED_AT.IN_THE_FUTURE', kind: 'invalid' });
      });
  });

  it('refuses an industry code that names no SN2007 division', () => {
    spec
      .given([])
      .when({ ...contact, naceCode: '04.1' })
      .thenThrows(InvalidNaceCode, (e) => {
        expect(e).toMatchObject({ code: 'NACE_CODE.INVALID', path: 'naceCode' });
      });
  });

  it('accepts a note the advisor confirms holds no personal data', () => {
    spec
      .given([])
      .when({ ...contact, note: 'Trenger 3 tømrere i august, tlf 22 33 44 55', noPersonalData: true })
      .then([contacted({ note: 'Trenger 3 tømrere i august, tlf 22 33 44 55' })]);
  });

  it('refuses a note without noPersonalData: true', () => {
    spec
      .given([])
      .when({ ...contact, note: 'ok' })
      .thenThrows(PersonalDataNotConfirmed, (e) => {
        expect(e).toMatchObject({ code: 'NOTE.PERSONAL_DATA_NOT_CONFIRMED', path: 'noPersonalData' });
      });
    spec
      .given([])
      .when({ ...contact, note: 'ok', noPersonalData: false })
      .thenThrows(PersonalDataNotConfirmed);
  });

  it.each(['gjelder 13097248022', 'gjelder 130972 48022', 'ref12345678901234'])(
    'refuses a note holding an 11-digit number (%#), without repeating it',
    (note) => {
      spec
        .given([])
        .when({ ...contact, note, noPersonalData: true })
        .thenThrows(NoteContainsPersonalId, (e) => {
          expect(e).toMatchObject({ code: 'NOTE.CONTAINS_PERSONAL_ID', kind: 'invalid', path: 'note' });
          expect(e.message).not.toMatch(/\d{5}/);
        });
    },
  );
});

describe('coding a contact with a service, and answering an inquiry', () => {
  it('records a service of the chosen theme; leaving it out records null', () => {
    spec
      .given([])
      .when({ ...contact, service: 'JOB_FAIR' })
      .then([contacted({ service: 'JOB_FAIR' })]);
    spec
      .given([])
      .when({ ...contact, theme: 'DOWNSIZING', service: 'TEMPORARY_LAYOFF' })
      .then([contacted({ theme: 'DOWNSIZING', service: 'TEMPORARY_LAYOFF' })]);
    spec
      .given([])
      .when(contact)
      .then([contacted({ service: null })]);
  });

  it('refuses a service of another theme, naming both (400)', () => {
    spec
      .given([])
      .when({ ...contact, theme: 'DOWNSIZING', service: 'JOB_FAIR' })
      .thenThrows(ServiceNotInTheme, (e) => {
        expect(e).toMatchObject({ code: 'SERVICE.NOT_IN_THEME', kind: 'invalid', path: 'service' });
        expect(e.message).toContain('JOB_FAIR');
        expect(e.message).toContain('DOWNSIZING');
      });
  });

  it("names the inquiry and the employer's home office when it is another", () => {
    spec
      .given([])
      .when({ ...contact, inquiryId: 'q1', employerOfficeNumber: '5001' })
      .then([contacted({ inquiryId: 'q1', employerOfficeNumber: '5001' })]);
  });

  it('answers an inquiry of the same employer received before the contact, and refuses any other', () => {
    const inquiry: Inquiry = {
      status: 'open',
      inquiryId: 'q1',
      orgNumber,
      source: 'CONTACT_FORM',
      theme: 'RECRUITMENT',
      receivedAt: '2026-04-30T09:00:00Z',
      dueAt: '2026-05-04T09:00:00Z',
      answers: {},
    };
    const data = contacted({ inquiryId: 'q1' }).data;
    expect(answerInquiry(data, inquiry)).toEqual([
      {
        type: 'InquiryAnswered',
        data: { inquiryId: 'q1', receivedAt: inquiry.receivedAt, contactId: 'contact-1', occurredAt: data.occurredAt, navIdent },
      },
    ]);
    expect(() => answerInquiry(data, { status: 'none' })).toThrow(InquiryNotFound);
    expect(() => answerInquiry(data, { ...inquiry, orgNumber: '889640782' })).toThrow(InquiryOfAnotherEmployer);
    expect(() => answerInquiry(data, { ...inquiry, receivedAt: '2026-05-01T10:00:00Z' })).toThrow(BeforeInquiryReceived);
  });

  it('tells the home office of a contact by another office', () => {
    const data = contacted({ service: 'JOB_FAIR', employerOfficeNumber: '5001' }).data;
    expect(tellHomeOffice(data, '0314')).toEqual([
      {
        type: 'EmployerContactedByOtherOffice',
        data: {
          contactId: 'contact-1',
          orgNumber,
          byOfficeNumber: '0314',
          theme: 'RECRUITMENT',
          service: 'JOB_FAIR',
          occurredAt: data.occurredAt,
          navIdent,
        },
      },
    ]);
  });
});
