import { foldInMemory } from '../../../libs/projections/src/fold-in-memory.js';
import type { ClientPlaced } from '../../cases/case.js';
import { recordedAt } from '../../shared/views/recorded.js';
import type { EmployerContacted } from '../employer.js';
import { employerRelationshipsProjection } from '../employer-relationships/employer-relationships.projection.js';
import { employerPage } from '../employer-relationships/employer-relationships.query.js';
import { engagementProjection } from './engagement.projection.js';
import { engagementMonths } from './engagement.query.js';

const contacted = (orgNumber: string, occurredAt: string, navIdent = 'Z123456', channel = 'PHONE'): EmployerContacted => ({
  type: 'EmployerContacted',
  data: { contactId: occurredAt, orgNumber, employerName: `AS ${orgNumber}`, naceCode: '41.200', naceSection: 'F', channel: channel as never, theme: 'RECRUITMENT', occurredAt, navIdent },
});
const placed = (orgNumber: string, occurredAt: string): ClientPlaced => ({
  type: 'ClientPlaced',
  data: {
    caseId: 'case-1', clientRef: 'x', needGroup: 'STANDARD', followUpMode: 'IN_HOUSE', measureCode: 'ARBTREN', startedAt: '2026-01-01T00:00:00Z',
    orgNumber, startDate: '2026-05-01', employmentPercent: 100, employmentType: 'PERMANENT', occurredAt, navIdent: 'Z123456',
  },
});

const engagementOf = (events: ReturnType<typeof recordedAt>, from: string, to: string) =>
  engagementMonths('0314', from, to, foldInMemory(engagementProjection, events));

describe('engagement view', () => {
  it('counts contacts, unique employers, active advisors, channels and NACE sections per UTC month', () => {
    const events = recordedAt(1, '0314', 'employer-1',
      contacted('974760673', '2026-03-05T10:00:00Z', 'Z111111', 'PHONE'),
      contacted('974760673', '2026-03-06T10:00:00Z', 'Z222222', 'VISIT'),
      contacted('889640782', '2026-03-31T23:30:00-02:00', 'Z111111', 'PHONE'), // 1 April in UTC
    );
    const [march, april] = engagementOf(events, '2026-03', '2026-04');
    expect(march).toMatchObject({ month: '2026-03', employerContacts: 2, uniqueEmployers: 1, activeAdvisors: 2, contactsPerAdvisor: 1, naceSections: ['F'] });
    expect(march!.byChannel).toMatchObject({ PHONE: 1, VISIT: 1, EMAIL: 0 });
    expect(april).toMatchObject({ month: '2026-04', employerContacts: 1, activeAdvisors: 1 });
  });

  it('counts a placement as after contact when the office contacted the employer in the 90 days before', () => {
    const events = [
      ...recordedAt(1, '0314', 'employer-a', contacted('974760673', '2026-02-01T10:00:00Z')),
      ...recordedAt(2, '0314', 'case-1', placed('974760673', '2026-04-15T10:00:00Z'), placed('889640782', '2026-04-16T10:00:00Z')),
    ];
    expect(engagementOf(events, '2026-04', '2026-04')[0]).toMatchObject({ placements: 2, placementsAfterContact: 1 });
  });

  it('turns an earlier placement into one after contact when the contact is registered late', () => {
    const events = [
      ...recordedAt(1, '0314', 'case-1', placed('974760673', '2026-04-15T10:00:00Z')),
      ...recordedAt(2, '0314', 'employer-a', contacted('974760673', '2026-03-01T10:00:00Z')),
    ];
    expect(engagementOf(events, '2026-04', '2026-04')[0]).toMatchObject({ placements: 1, placementsAfterContact: 1 });
  });

  it('does not count a contact more than 90 days before, or after, the placement', () => {
    const events = [
      ...recordedAt(1, '0314', 'employer-a', contacted('974760673', '2026-01-01T10:00:00Z'), contacted('974760673', '2026-04-20T10:00:00Z')),
      ...recordedAt(3, '0314', 'case-1', placed('974760673', '2026-04-15T10:00:00Z')),
    ];
    expect(engagementOf(events, '2026-04', '2026-04')[0]).toMatchObject({ placements: 1, placementsAfterContact: 0 });
  });

  it('changes nothing when the same event is applied twice', () => {
    const once = recordedAt(1, '0314', 'employer-a', contacted('974760673', '2026-03-05T10:00:00Z'));
    expect(foldInMemory(engagementProjection, [...once, ...once])).toEqual(foldInMemory(engagementProjection, once));
    expect(engagementOf([...once, ...once], '2026-03', '2026-03')[0]!.employerContacts).toBe(1);
  });

  it('keeps offices apart', () => {
    const events = [...recordedAt(1, '0314', 'employer-a', contacted('974760673', '2026-03-05T10:00:00Z')), ...recordedAt(2, '5001', 'employer-a', contacted('974760673', '2026-03-05T10:00:00Z'))];
    expect(engagementOf(events, '2026-03', '2026-03')[0]!.employerContacts).toBe(1);
  });
});

describe('employer relationships view', () => {
  const now = '2026-09-01T00:00:00Z';
  const events = [
    ...recordedAt(1, '0314', 'employer-a', contacted('974760673', '2026-08-01T10:00:00Z'), contacted('974760673', '2026-08-02T10:00:00Z')),
    ...recordedAt(3, '0314', 'employer-b', contacted('889640782', '2026-01-01T10:00:00Z')),
    ...recordedAt(4, '0314', 'case-1', placed('889640782', '2026-02-01T10:00:00Z'), placed('123456785', '2026-03-01T10:00:00Z')),
  ];
  const page = (sort: 'lastContact' | 'contacts' | 'placements', after?: string, limit = 10) =>
    employerPage(foldInMemory(employerRelationshipsProjection, events).values(), { sort, after, limit, now });

  it('lists employers by last contact, flagging those placed with but not contacted for 90 days', () => {
    const { employers, next } = page('lastContact');
    expect(employers.map((e) => [e.orgNumber, e.contacts, e.placements, e.placedButNotContacted90d])).toEqual([
      ['974760673', 2, 0, false],
      ['889640782', 1, 1, true],
      ['123456785', 0, 1, true],
    ]);
    expect(next).toBeNull();
  });

  it('pages with a cursor that neither repeats nor skips', () => {
    const first = page('placements', undefined, 2);
    const second = page('placements', first.next!, 2);
    expect([...first.employers, ...second.employers].map((e) => e.orgNumber)).toEqual(['123456785', '889640782', '974760673']);
    expect(second.next).toBeNull();
  });

  it('changes nothing when the same event is applied twice', () => {
    expect(foldInMemory(employerRelationshipsProjection, [...events, ...events])).toEqual(foldInMemory(employerRelationshipsProjection, events));
  });
});
