import { ProjectionSpecification } from '@app/projections/testing';
import { recordedAt } from '../../../test/views/recorded.js';
import { caseProfile, contacted, needClosed, needRegistered, placedAt } from '../../../test/views/view-events.examples.js';
import type { EmployerContactCorrected } from '../employer-correction.js';
import { engagementProjection } from './engagement.projection.js';
import { engagementMonths } from './engagement.answer.js';

const spec = ProjectionSpecification.for(engagementProjection);
const client = caseProfile('case-1', '2026-01-01T00:00:00Z');
const month =
  (from: string, to = from) =>
  (docs: Map<string, unknown>) =>
    engagementMonths('0314', from, to, docs);

describe('engagement view', () => {
  it('counts contacts, unique employers, active advisors, channels and NACE sections per UTC month', () => {
    spec
      .given([])
      .when(
        ...recordedAt(
          1,
          '0314',
          'employer-1',
          contacted('974760673', '2026-03-05T10:00:00Z', 'Z111111', 'PHONE'),
          contacted('974760673', '2026-03-06T10:00:00Z', 'Z222222', 'VISIT'),
          contacted('889640782', '2026-03-31T23:30:00-02:00', 'Z111111', 'PHONE'), // 1 April in UTC
        ),
      )
      .then((docs) => {
        const [march, april] = month('2026-03', '2026-04')(docs);
        expect(march).toMatchObject({
          month: '2026-03',
          employerContacts: 2,
          uniqueEmployers: 1,
          activeAdvisors: 2,
          contactsPerAdvisor: 1,
          naceSections: ['F'],
        });
        expect(march!.byChannel).toMatchObject({ PHONE: 1, VISIT: 1, EMAIL: 0 });
        expect(april).toMatchObject({ month: '2026-04', employerContacts: 1, activeAdvisors: 1 });
      });
  });

  it('takes a corrected contact out of byService too', () => {
    const fair = (occurredAt: string) => {
      const event = contacted('974760673', occurredAt, 'Z111111', 'VISIT');
      return { ...event, data: { ...event.data, service: 'JOB_FAIR' as const } };
    };
    const corrected: EmployerContactCorrected = {
      type: 'EmployerContactCorrected',
      data: {
        contactId: '974760673@2026-03-06T10:00:00Z',
        orgNumber: '974760673',
        reason: 'DUPLICATE',
        correctedAt: '2026-04-01T00:00:00Z',
        navIdent: 'Z111111',
        corrected: { occurredAt: '2026-03-06T10:00:00Z', navIdent: 'Z111111', channel: 'VISIT', theme: 'RECRUITMENT', service: 'JOB_FAIR' },
        remaining: { lastContactAt: '2026-03-05T10:00:00Z' },
      },
    };
    spec
      .given([])
      .when(...recordedAt(1, '0314', 'employer-1', fair('2026-03-05T10:00:00Z'), fair('2026-03-06T10:00:00Z'), corrected))
      .then((docs) => {
        const [march] = month('2026-03')(docs);
        expect(march).toMatchObject({ employerContacts: 1 });
        expect(march!.byService).toMatchObject({ JOB_FAIR: 1 });
      });
  });

  it("counts other offices' contacts at the employer's home office, and takes a corrected one back there", () => {
    const told = (contactId: string, occurredAt: string) =>
      ({
        type: 'EmployerContactedByOtherOffice',
        data: {
          contactId,
          orgNumber: '974760673',
          byOfficeNumber: '5001',
          theme: 'RECRUITMENT',
          service: null,
          occurredAt,
          navIdent: 'Z500001',
        },
      }) as const;
    const correction = {
      type: 'EmployerContactByOtherOfficeCorrected',
      data: {
        contactId: 'c2',
        orgNumber: '974760673',
        byOfficeNumber: '5001',
        occurredAt: '2026-03-31T23:30:00-02:00', // 1 April in UTC: the month it counted in
        reason: 'WRONG_EMPLOYER',
        correctedAt: '2026-05-01T00:00:00Z',
        navIdent: 'Z500001',
      },
    } as const;
    spec
      .given(recordedAt(1, '0314', 'employer-974760673', told('c1', '2026-04-02T10:00:00Z'), told('c2', '2026-03-31T23:30:00-02:00')))
      .when(...recordedAt(3, '0314', 'employer-974760673', correction))
      .then((docs) => {
        const [april] = month('2026-04')(docs);
        expect(april).toMatchObject({ employerContacts: 0, contactsFromOtherOffices: 1 });
      });
  });

  it('counts recruitment needs opened, and filled only when closed as filled', () => {
    spec
      .given(
        recordedAt(
          1,
          '0314',
          'employer-a',
          needRegistered('n1', '974760673', '2026-03-01T10:00:00Z'),
          needRegistered('n2', '974760673', '2026-03-02T10:00:00Z'),
        ),
      )
      .when(
        ...recordedAt(
          3,
          '0314',
          'employer-a',
          needClosed('n1', '974760673', 'FILLED', '2026-03-20T10:00:00Z'),
          needClosed('n2', '974760673', 'CANCELLED', '2026-03-21T10:00:00Z'),
        ),
      )
      .then((docs) => expect(month('2026-03')(docs)[0]).toMatchObject({ recruitmentNeedsOpened: 2, recruitmentNeedsFilled: 1 }));
  });

  it('counts a placement as after contact when the office contacted the employer in the 90 days before', () => {
    spec
      .given(recordedAt(1, '0314', 'employer-a', contacted('974760673', '2026-02-01T10:00:00Z')))
      .when(
        ...recordedAt(
          2,
          '0314',
          'case-1',
          placedAt(client, '974760673', '2026-04-15T10:00:00Z'),
          placedAt(client, '889640782', '2026-04-16T10:00:00Z'),
        ),
      )
      .then((docs) => expect(month('2026-04')(docs)[0]).toMatchObject({ placements: 2, placementsAfterContact: 1 }));
  });

  it('turns an earlier placement into one after contact when the contact is registered late', () => {
    spec
      .given(recordedAt(1, '0314', 'case-1', placedAt(client, '974760673', '2026-04-15T10:00:00Z')))
      .when(...recordedAt(2, '0314', 'employer-a', contacted('974760673', '2026-03-01T10:00:00Z')))
      .then((docs) => expect(month('2026-04')(docs)[0]).toMatchObject({ placements: 1, placementsAfterContact: 1 }));
  });

  it('does not count a contact more than 90 days before, or after, the placement', () => {
    spec
      .given(
        recordedAt(1, '0314', 'employer-a', contacted('974760673', '2026-01-01T10:00:00Z'), contacted('974760673', '2026-04-20T10:00:00Z')),
      )
      .when(...recordedAt(3, '0314', 'case-1', placedAt(client, '974760673', '2026-04-15T10:00:00Z')))
      .then((docs) => expect(month('2026-04')(docs)[0]).toMatchObject({ placements: 1, placementsAfterContact: 0 }));
  });

  it('compares instants, not their text: a contact at 10:30+02:00 is before a placement at 09:00Z the same day', () => {
    spec
      .given(recordedAt(1, '0314', 'employer-a', contacted('974760673', '2026-04-15T10:30:00+02:00')))
      .when(...recordedAt(2, '0314', 'case-1', placedAt(client, '974760673', '2026-04-15T09:00:00Z')))
      .then((docs) => expect(month('2026-04')(docs)[0]).toMatchObject({ placements: 1, placementsAfterContact: 1 }));
  });

  it('changes nothing when the same event is applied twice', () => {
    const history = recordedAt(
      1,
      '0314',
      'employer-a',
      contacted('974760673', '2026-03-05T10:00:00Z'),
      needRegistered('n1', '974760673', '2026-03-06T10:00:00Z'),
    );
    spec.given(history).when(history[0]!).thenNothingChanges();
    spec.given(history).when(history[1]!).thenNothingChanges();
  });

  it('keeps offices apart', () => {
    spec
      .given(recordedAt(1, '0314', 'employer-a', contacted('974760673', '2026-03-05T10:00:00Z')))
      .when(...recordedAt(2, '5001', 'employer-a', contacted('974760673', '2026-03-05T10:00:00Z')))
      .then((docs) => expect(month('2026-03')(docs)[0]!.employerContacts).toBe(1));
  });
});
