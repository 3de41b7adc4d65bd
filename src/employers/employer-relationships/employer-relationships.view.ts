import { defineView } from '@app/projections';
import { employerRelationshipsProjection, relationshipPrefix } from './employer-relationships.projection.js';

/** The office's employers with their figures and sort keys (`GET /offices/{o}/employers`). */
export const employerRelationshipsView = defineView({
  projection: employerRelationshipsProjection,
  migratedAt: {
    table: 1764000000002,
    // v3: the employers page reads one office's relationships in each of its orders.
    orderIndexes: { byLastContact: 1766000000001, byContacts: 1766000000002, byPlacements: 1766000000003 },
  },
  officeRanges: (office) => [{ prefix: relationshipPrefix(office) }],
  // The page's reads are ordered ranges built by the query itself (`employerPage`), from the projection's keys.
  ranges: {},
});
