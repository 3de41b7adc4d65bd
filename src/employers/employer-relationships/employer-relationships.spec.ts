import { foldInMemory } from '@app/projections';
import { selectDocs } from '@app/projections';
import { ProjectionSpecification } from '@app/projections/testing';
import { recordedAt } from '../../../test/views/recorded.js';
import { caseProfile, contacted, needClosed, needRegistered, placedAt } from '../../../test/views/view-events.examples.js';
import { employerRelationshipsProjection, type EmployerRelationship } from './employer-relationships.projection.js';
import { EMPLOYER_SORTS, employerPage, type EmployerSort } from './employer-relationships.answer.js';

const spec = ProjectionSpecification.for(employerRelationshipsProjection);
const now = '2026-09-01T00:00:00Z';
const client = caseProfile('case-1', '2026-01-01T00:00:00Z');
const history = [
  ...recordedAt(1, '0314', 'employer-a', contacted('974760673', '2026-08-01T10:00:00Z'), contacted('974760673', '2026-08-02T10:00:00Z')),
  ...recordedAt(3, '0314', 'employer-b', contacted('889640782', '2026-01-01T10:00:00Z')),
  ...recordedAt(
    4,
    '0314',
    'case-1',
    placedAt(client, '889640782', '2026-02-01T10:00:00Z'),
    placedAt(client, '123456785', '2026-03-01T10:00:00Z'),
  ),
];
/** A page as the route reads it: ordered reads of the docs, here from a fold instead of the table. */
const page = (docs: Map<string, EmployerRelationship>, sort: EmployerSort, after?: string, limit = 10, office = '0314') =>
  employerPage(async (range) => selectDocs(docs, range), office, { sort, after, limit, now });

/** The orders as the contract means them, over every employer at once: what the sort keys must give. */
const byDesc = (a: number | string | null, b: number | string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a > b ? -1 : 1);
const reference: Record<EmployerSort, (a: EmployerRelationship, b: EmployerRelationship) => number> = {
  lastContact: (a, b) => byDesc(a.lastContactAt, b.lastContactAt),
  contacts: (a, b) => byDesc(a.contacts, b.contacts),
  placements: (a, b) => byDesc(a.placements, b.placements),
};
const sortedAll = (docs: Map<string, EmployerRelationship>, office: string, sort: EmployerSort) =>
  [...selectDocs(docs, { prefix: `r|${office}|` }).values()]
    .sort((a, b) => reference[sort](a, b) || (a.orgNumber < b.orgNumber ? -1 : 1))
    .map((r) => r.orgNumber);

/** Org numbers with a valid check digit, for a larger office. */
const orgs = [
  '974760673',
  '889640782',
  '123456785',
  '912345675',
  '987654321',
  '999999991',
  '100000008',
  '211111113',
  '822222226',
  '933333339',
];
const ofMany = caseProfile('case-m', '2025-01-01T00:00:00Z');
/**
 * Ties in every figure, an employer placed with but never contacted, a contact registered late
 * (older than the last), and another office.
 */
const many = [
  ...orgs.flatMap((org, i) =>
    recordedAt(
      100 + i * 10,
      '0314',
      `employer-${org}`,
      ...Array.from({ length: (i % 4) + 1 }, (_, k) => contacted(org, `2026-0${1 + ((i * 3 + k) % 8)}-1${k}T0${i % 9}:00:00+02:00`)),
    ),
  ),
  ...recordedAt(
    300,
    '0314',
    'case-m',
    placedAt(ofMany, '999999991', '2026-04-01T10:00:00Z'),
    placedAt(ofMany, '555555550', '2026-04-02T10:00:00Z'),
    placedAt(ofMany, '100000008', '2026-05-01T10:00:00Z'),
  ),
  ...recordedAt(310, '0314', 'employer-974760673', contacted('974760673', '2025-06-01T10:00:00Z')),
  ...recordedAt(
    320,
    '5001',
    'employer-974760673',
    contacted('974760673', '2026-12-01T10:00:00Z'),
    contacted('974760673', '2026-12-02T10:00:00Z'),
  ),
];

describe('employer relationships view', () => {
  it('lists employers by last contact, flagging those placed with but not contacted for 90 days', async () => {
    const { employers, next } = await page(foldInMemory(employerRelationshipsProjection, history), 'lastContact');
    expect(employers.map((e) => [e.orgNumber, e.contacts, e.placements, e.placedButNotContacted90d])).toEqual([
      ['974760673', 2, 0, false],
      ['889640782', 1, 1, true],
      ['123456785', 0, 1, true],
    ]);
    expect(next).toBeNull();
  });

  it('answers the figures of the contract, without the sort keys it reads by', async () => {
    const { employers } = await page(foldInMemory(employerRelationshipsProjection, history), 'contacts', undefined, 1);
    expect(employers).toEqual([
      {
        orgNumber: '974760673',
        name: 'AS 974760673',
        naceSection: 'F',
        contacts: 2,
        lastContactAt: '2026-08-02T10:00:00.000Z',
        placements: 0,
        openNeeds: 0,
        placedButNotContacted90d: false,
      },
    ]);
  });

  it('keeps the latest contact by instant, whatever offsets the advisors wrote', () => {
    spec
      .given(recordedAt(1, '0314', 'employer-a', contacted('974760673', '2026-08-01T09:30:00Z')))
      .when(...recordedAt(2, '0314', 'employer-a', contacted('974760673', '2026-08-01T10:00:00+02:00'))) // 08:00Z: earlier
      .then((docs) => expect([...docs.values()][0]).toMatchObject({ contacts: 2, lastContactAt: '2026-08-01T09:30:00.000Z' }));
  });

  it('keeps sort keys that order the office by each figure, largest or latest first, then by org number', () => {
    spec
      .given(history)
      .when(...recordedAt(10, '0314', 'employer-b', contacted('889640782', '2026-08-03T10:00:00+02:00')))
      .then((docs) => {
        expect(docs.get('r|0314|889640782')).toMatchObject({ contacts: 2, placements: 1, lastContactAt: '2026-08-03T08:00:00.000Z' });
        const keys = (field: 'byLastContact' | 'byContacts' | 'byPlacements') => [...docs.values()].map((d) => d[field]).sort();
        expect(keys('byLastContact').map((k) => k.split('|').pop())).toEqual(['889640782', '974760673', '123456785']);
        expect(keys('byContacts').map((k) => k.split('|').pop())).toEqual(['889640782', '974760673', '123456785']);
        expect(keys('byPlacements').map((k) => k.split('|').pop())).toEqual(['123456785', '889640782', '974760673']);
        expect(keys('byContacts').every((k) => k.startsWith('0314|'))).toBe(true);
      });
  });

  it('counts open recruitment needs, down again when one closes', () => {
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
      .when(...recordedAt(3, '0314', 'employer-a', needClosed('n1', '974760673', 'FILLED', '2026-03-20T10:00:00Z')))
      .then((docs) => expect(docs.get('r|0314|974760673')).toMatchObject({ orgNumber: '974760673', openNeeds: 1 }));
  });

  it('pages with a cursor that neither repeats nor skips', async () => {
    const docs = foldInMemory(employerRelationshipsProjection, history);
    const first = await page(docs, 'placements', undefined, 2);
    const second = await page(docs, 'placements', first.next!, 2);
    expect([...first.employers, ...second.employers].map((e) => e.orgNumber)).toEqual(['123456785', '889640782', '974760673']);
    expect(second.next).toBeNull();
  });

  it('gives, page by page at any page size, every order exactly as sorting all the office’s employers would', async () => {
    const docs = foldInMemory(employerRelationshipsProjection, many);
    for (const office of ['0314', '5001']) {
      for (const sort of EMPLOYER_SORTS) {
        for (const limit of [1, 2, 3, 5, 500]) {
          const seen: string[] = [];
          let after: string | undefined;
          for (let guard = 0; guard < 20; guard++) {
            const next = await page(docs, sort, after, limit, office);
            seen.push(...next.employers.map((e) => e.orgNumber));
            if (next.next === null) break;
            expect(next.employers).toHaveLength(limit);
            after = next.next;
          }
          expect(seen).toEqual(sortedAll(docs, office, sort));
        }
      }
    }
  });

  it('starts from the top when the cursor is an employer the office has not met', async () => {
    const docs = foldInMemory(employerRelationshipsProjection, many);
    expect((await page(docs, 'contacts', '889640782', 3, '5001')).employers.map((e) => e.orgNumber)).toEqual(['974760673']);
    expect(await page(docs, 'lastContact', '876543210', 2)).toEqual(await page(docs, 'lastContact', undefined, 2));
  });

  it('changes nothing when the same event is applied twice', () => {
    for (const event of history) spec.given(history).when(event).thenNothingChanges();
  });
});
