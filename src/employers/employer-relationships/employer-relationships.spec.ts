import { foldInMemory } from '../../../libs/projections/src/fold-in-memory.js';
import { ProjectionSpecification } from '../../../libs/projections/src/testing/projection-spec.js';
import { recordedAt } from '../../shared/views/recorded.js';
import { caseProfile, contacted, needClosed, needRegistered, placedAt } from '../../shared/views/view-events.examples.js';
import { employerRelationshipsProjection, type EmployerRelationship } from './employer-relationships.projection.js';
import { employerPage, type EmployerSort } from './employer-relationships.query.js';

const spec = ProjectionSpecification.for(employerRelationshipsProjection);
const now = '2026-09-01T00:00:00Z';
const client = caseProfile('case-1', '2026-01-01T00:00:00Z');
const history = [
  ...recordedAt(1, '0314', 'employer-a', contacted('974760673', '2026-08-01T10:00:00Z'), contacted('974760673', '2026-08-02T10:00:00Z')),
  ...recordedAt(3, '0314', 'employer-b', contacted('889640782', '2026-01-01T10:00:00Z')),
  ...recordedAt(4, '0314', 'case-1', placedAt(client, '889640782', '2026-02-01T10:00:00Z'), placedAt(client, '123456785', '2026-03-01T10:00:00Z')),
];
const page = (docs: Map<string, EmployerRelationship>, sort: EmployerSort, after?: string, limit = 10) => employerPage(docs.values(), { sort, after, limit, now });

describe('employer relationships view', () => {
  it('lists employers by last contact, flagging those placed with but not contacted for 90 days', () => {
    spec.given([]).when(...history).then((docs) => {
      const { employers, next } = page(docs, 'lastContact');
      expect(employers.map((e) => [e.orgNumber, e.contacts, e.placements, e.placedButNotContacted90d])).toEqual([
        ['974760673', 2, 0, false],
        ['889640782', 1, 1, true],
        ['123456785', 0, 1, true],
      ]);
      expect(next).toBeNull();
    });
  });

  it('keeps the latest contact by instant, whatever offsets the advisors wrote', () => {
    spec
      .given(recordedAt(1, '0314', 'employer-a', contacted('974760673', '2026-08-01T09:30:00Z')))
      .when(...recordedAt(2, '0314', 'employer-a', contacted('974760673', '2026-08-01T10:00:00+02:00'))) // 08:00Z: earlier
      .then((docs) => expect([...docs.values()][0]).toMatchObject({ contacts: 2, lastContactAt: '2026-08-01T09:30:00.000Z' }));
  });

  it('counts open recruitment needs, down again when one closes', () => {
    spec
      .given(recordedAt(1, '0314', 'employer-a', needRegistered('n1', '974760673', '2026-03-01T10:00:00Z'), needRegistered('n2', '974760673', '2026-03-02T10:00:00Z')))
      .when(...recordedAt(3, '0314', 'employer-a', needClosed('n1', '974760673', 'FILLED', '2026-03-20T10:00:00Z')))
      .then((docs) => expect(page(docs, 'contacts').employers[0]).toMatchObject({ orgNumber: '974760673', openNeeds: 1 }));
  });

  it('pages with a cursor that neither repeats nor skips', () => {
    const docs = foldInMemory(employerRelationshipsProjection, history);
    const first = page(docs, 'placements', undefined, 2);
    const second = page(docs, 'placements', first.next!, 2);
    expect([...first.employers, ...second.employers].map((e) => e.orgNumber)).toEqual(['123456785', '889640782', '974760673']);
    expect(second.next).toBeNull();
  });

  it('changes nothing when the same event is applied twice', () => {
    for (const event of history) spec.given(history).when(event).thenNothingChanges();
  });
});
