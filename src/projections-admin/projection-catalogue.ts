import type { KeyRange } from '@app/projections';
import type { AnyProjection } from '@app/projections';
import { followUpGapsProjection, activeCasePrefix, openCasesKey } from '../cases/follow-up-gaps/follow-up-gaps.projection.js';
import { cohortPrefix, outcomesProjection } from '../cases/outcomes/outcomes.projection.js';
import { employerRelationshipsProjection, relationshipPrefix } from '../employers/employer-relationships/employer-relationships.projection.js';
import { engagementProjection, monthKey } from '../employers/engagement/engagement.projection.js';
import { monthsBetween } from '../shared/views/months.js';

/** Every view the app keeps, with the rows that belong to one office (for verify by office). */
export const PROJECTIONS: readonly { projection: AnyProjection; officeRanges: (office: string) => KeyRange[] }[] = [
  // Month rows are keyed month first: an office's are every month it could have.
  { projection: engagementProjection, officeRanges: (o) => [{ keys: monthsBetween('2000-01', '2039-12').map((m) => monthKey(o, m)) }, { prefix: `e|${o}|` }] },
  { projection: employerRelationshipsProjection, officeRanges: (o) => [{ prefix: relationshipPrefix(o) }] },
  // Provider rows are keyed month first (national view); an office's cohorts are its own.
  { projection: outcomesProjection, officeRanges: (o) => [{ prefix: cohortPrefix(o) }] },
  { projection: followUpGapsProjection, officeRanges: (o) => [{ prefix: activeCasePrefix(o) }, { keys: [openCasesKey(o)] }] },
];
