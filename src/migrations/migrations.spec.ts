import { MIGRATIONS } from './index.js';

/**
 * TypeORM knows a database's migrations by name: collecting the views' migrations from the areas
 * must give exactly the names (and order) databases have already run, or a start would try to
 * create existing tables again.
 */
describe("the app's migrations", () => {
  it("are the released ones, oldest first, with each view's table and indexes", () => {
    expect(MIGRATIONS.map((m) => m.name)).toEqual([
      'CreateIdempotencyRecords1763800000000',
      'CreateProjectionCheckpoints1764000000000',
      'CreateProjectionEngagement1764000000001',
      'CreateProjectionEmployerRelationships1764000000002',
      'CreateProjectionOutcomes1764000000003',
      'CreateProjectionActiveCases1764000000004',
      'CreateAccessLog1765000000000',
      'IndexProjectionEmployerRelationshipsByByLastContact1766000000001',
      'IndexProjectionEmployerRelationshipsByByContacts1766000000002',
      'IndexProjectionEmployerRelationshipsByByPlacements1766000000003',
      'IndexProjectionActiveCasesByByQuietSince1766000000004',
      'CreateProjectionParkedEvents1767000000000',
      'AccessLogCommitOrder1767000000001',
      'RecordCheckpointEventStore1767000000002',
      'CreateProjectionInquiries1767170000000',
      'CreateClientSubjects1768000000000',
      'CreateProjectionClientRetention1768000000001',
      'IndexProjectionClientRetentionByClosedSince1768000000002',
      'CreateViewReplaySnapshots1769100000000',
    ]);
  });
});
