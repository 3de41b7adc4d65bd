import { DeciderSpecification } from '@app/testing';
import { InquiryAlreadyRegistered, InvalidOrgNumber, OccurredInTheFuture } from '../employer.errors.js';
import { navIdent, now, orgNumber } from '../employer.examples.js';
import { evolveInquiry, initialInquiry, type InquiryRegistered } from '../inquiry.js';
import { registerInquiry, type RegisterInquiry } from './register-inquiry.decide.js';

const spec = DeciderSpecification.for({ decide: registerInquiry, evolve: evolveInquiry, initialState: initialInquiry });
const inquiry: RegisterInquiry = {
  inquiryId: 'q1',
  orgNumber,
  source: 'CONTACT_FORM',
  theme: 'RECRUITMENT',
  receivedAt: '2026-04-01T15:00:00+02:00',
  navIdent,
  now,
};
const registered = (overrides: Partial<InquiryRegistered['data']> = {}): InquiryRegistered => ({
  type: 'InquiryRegistered',
  data: {
    inquiryId: 'q1',
    orgNumber,
    source: 'CONTACT_FORM',
    theme: 'RECRUITMENT',
    receivedAt: inquiry.receivedAt,
    dueAt: '2026-04-08T13:00:00.000Z',
    navIdent,
    ...overrides,
  },
});

describe('registering an inquiry', () => {
  it('fixes the deadline two Norwegian working days after receipt, at the same Oslo time: over Easter a week later', () => {
    spec.given([]).when(inquiry).then([registered()]);
  });

  it('dues a Friday 09:00 inquiry on Tuesday 09:00, and on Wednesday when Monday is Whit Monday', () => {
    spec
      .given([])
      .when({ ...inquiry, receivedAt: '2026-03-06T09:00:00+01:00' })
      .then([registered({ receivedAt: '2026-03-06T09:00:00+01:00', dueAt: '2026-03-10T08:00:00.000Z' })]);
    spec
      .given([])
      .when({ ...inquiry, source: 'CONTACT_CENTRE', receivedAt: '2026-04-24T09:00:00+02:00' })
      .then([registered({ source: 'CONTACT_CENTRE', receivedAt: '2026-04-24T09:00:00+02:00', dueAt: '2026-04-28T07:00:00.000Z' })]);
    spec
      .given([])
      .when({ ...inquiry, receivedAt: '2026-05-22T09:00:00+02:00', now: '2026-06-01T00:00:00Z' })
      .then([registered({ receivedAt: '2026-05-22T09:00:00+02:00', dueAt: '2026-05-27T07:00:00.000Z' })]);
  });

  it('refuses a bad organisation number, a receipt in the future and a second registration', () => {
    spec
      .given([])
      .when({ ...inquiry, orgNumber: '974760674' })
      .thenThrows(InvalidOrgNumber);
    spec
      .given([])
      .when({ ...inquiry, receivedAt: '2026-05-01T12:06:00Z' })
      .thenThrows(OccurredInTheFuture, (e) => expect(e.path).toBe('receivedAt'));
    spec
      .given([registered()])
      .when(inquiry)
      .thenThrows(InquiryAlreadyRegistered, (e) => expect(e.kind).toBe('conflict'));
  });
});
