import { DeciderSpecification } from '../../libs/testing/src/decider-spec.js';
import { evolveEmployerAccount, initialEmployerAccount, type EmployerContacted } from './employer.js';
import {
  ClosedBeforeRegistered,
  InvalidOrgNumber,
  NoteContainsPersonalId,
  OccurredInTheFuture,
  PersonalDataNotConfirmed,
  RecruitmentNeedAlreadyClosed,
  RecruitmentNeedAlreadyRegistered,
  RecruitmentNeedNotFound,
} from './employer.errors.js';
import { evolveRecruitmentNeed, initialRecruitmentNeed, type RecruitmentNeedRegistered } from './recruitment-need.js';
import { recordEmployerContact } from './record-employer-contact/record-employer-contact.decide.js';
import type { RecordEmployerContact } from './record-employer-contact/record-employer-contact.command.js';
import { registerRecruitmentNeed } from './register-recruitment-need/register-recruitment-need.decide.js';
import { closeRecruitmentNeed } from './close-recruitment-need/close-recruitment-need.decide.js';

const now = '2026-05-01T12:00:00.000Z';
const employer = DeciderSpecification.for({ decide: recordEmployerContact, evolve: evolveEmployerAccount, initialState: initialEmployerAccount });
const need = {
  register: DeciderSpecification.for({ decide: registerRecruitmentNeed, evolve: evolveRecruitmentNeed, initialState: initialRecruitmentNeed }),
  close: DeciderSpecification.for({ decide: closeRecruitmentNeed, evolve: evolveRecruitmentNeed, initialState: initialRecruitmentNeed }),
};

const contact: RecordEmployerContact = {
  contactId: 'c-1',
  orgNumber: '974760673',
  employerName: 'Byggmester AS',
  naceCode: '41.200',
  channel: 'VISIT',
  theme: 'RECRUITMENT',
  occurredAt: '2026-05-01T09:00:00.000Z',
  durationMinutes: 45,
  navIdent: 'Z123456',
  now,
};

const contacted = (overrides: Partial<EmployerContacted['data']> = {}): EmployerContacted => ({
  type: 'EmployerContacted',
  data: {
    contactId: 'c-1',
    orgNumber: '974760673',
    employerName: 'Byggmester AS',
    naceCode: '41.200',
    naceSection: 'F',
    channel: 'VISIT',
    theme: 'RECRUITMENT',
    occurredAt: '2026-05-01T09:00:00.000Z',
    durationMinutes: 45,
    note: undefined,
    navIdent: 'Z123456',
    ...overrides,
  },
});

const registered: RecruitmentNeedRegistered = {
  type: 'RecruitmentNeedRegistered',
  data: { needId: 'n-1', orgNumber: '974760673', positions: 3, occupation: 'tømrer', occurredAt: '2026-04-01T08:00:00.000Z', navIdent: 'Z123456' },
};

describe('recording an employer contact', () => {
  it('records the contact with its NACE section', () => {
    employer.given([]).when(contact).then([contacted()]);
  });

  it('records a late registration of a contact long past', () => {
    employer.given([contacted()]).when({ ...contact, contactId: 'c-2', occurredAt: '2024-01-10T10:00:00.000Z' })
      .then([contacted({ contactId: 'c-2', occurredAt: '2024-01-10T10:00:00.000Z' })]);
  });

  it('accepts a note confirmed free of personal data', () => {
    employer.given([]).when({ ...contact, note: 'Trenger 3 tømrere i august', noPersonalData: true })
      .then([contacted({ note: 'Trenger 3 tømrere i august' })]);
  });

  it('refuses an organisation number that fails the mod-11 check', () => {
    employer.given([]).when({ ...contact, orgNumber: '974760674' }).thenThrows(InvalidOrgNumber, (e) => expect(e.path).toBe('orgNumber'));
  });

  it('refuses a contact more than five minutes in the future', () => {
    employer.given([]).when({ ...contact, occurredAt: '2026-05-01T12:06:00.000Z' }).thenThrows(OccurredInTheFuture);
  });

  it('refuses a note without noPersonalData: true', () => {
    employer.given([]).when({ ...contact, note: 'ok' }).thenThrows(PersonalDataNotConfirmed);
    employer.given([]).when({ ...contact, note: 'ok', noPersonalData: false }).thenThrows(PersonalDataNotConfirmed);
  });

  it('refuses a note holding an 11-digit number, without repeating it', () => {
    employer.given([]).when({ ...contact, note: 'gjelder 13097248022', noPersonalData: true })
      .thenThrows(NoteContainsPersonalId, (e) => expect(e.message).not.toContain('13097248022'));
  });
});

describe('recruitment needs', () => {
  const register = { needId: 'n-1', orgNumber: '974760673', positions: 3, occupation: 'tømrer', occurredAt: '2026-04-01T08:00:00.000Z', navIdent: 'Z123456', now };
  const close = { needId: 'n-1', result: 'FILLED' as const, occurredAt: '2026-04-20T08:00:00.000Z', navIdent: 'Z654321', now };

  it('registers a need', () => {
    need.register.given([]).when(register).then([registered]);
  });

  it('refuses registering the same need twice', () => {
    need.register.given([registered]).when(register).thenThrows(RecruitmentNeedAlreadyRegistered);
  });

  it('refuses a need at an invalid organisation number or in the future', () => {
    need.register.given([]).when({ ...register, orgNumber: '123456700' }).thenThrows(InvalidOrgNumber);
    need.register.given([]).when({ ...register, occurredAt: '2026-06-01T00:00:00.000Z' }).thenThrows(OccurredInTheFuture);
  });

  it('closes an open need as filled, carrying its employer and positions', () => {
    need.close.given([registered]).when(close).then([
      { type: 'RecruitmentNeedClosed', data: { needId: 'n-1', orgNumber: '974760673', result: 'FILLED', positions: 3, occurredAt: close.occurredAt, navIdent: 'Z654321' } },
    ]);
  });

  it('refuses closing a need that was never registered', () => {
    need.close.given([]).when(close).thenThrows(RecruitmentNeedNotFound);
  });

  it('closes a need once only', () => {
    const closed = closeRecruitmentNeed(close, evolveRecruitmentNeed(initialRecruitmentNeed(), registered));
    need.close.given([registered, ...closed]).when({ ...close, result: 'CANCELLED' }).thenThrows(RecruitmentNeedAlreadyClosed);
  });

  it('refuses closing before the need was registered, or in the future', () => {
    need.close.given([registered]).when({ ...close, occurredAt: '2026-03-01T00:00:00.000Z' }).thenThrows(ClosedBeforeRegistered);
    need.close.given([registered]).when({ ...close, occurredAt: '2026-05-02T00:00:00.000Z' }).thenThrows(OccurredInTheFuture);
  });
});
