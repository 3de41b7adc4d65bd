import type { KeyRange } from '@app/projections';
import { addDays } from '../../shared/views/months.js';
import { relationshipKey, sortKeyPrefix, type EmployerRelationship, type SortKeyField } from './employer-relationships.projection.js';

export const EMPLOYER_SORTS = ['lastContact', 'contacts', 'placements'] as const;
export type EmployerSort = (typeof EMPLOYER_SORTS)[number];

export interface EmployerAnswer extends Omit<EmployerRelationship, 'lastPlacementAt' | 'placementTimes' | 'needs' | SortKeyField> {
  placedButNotContacted90d: boolean;
}

/**
 * Each order, as the projection keeps it in a sort key: last contact latest first (never
 * contacted last), contacts or placements most first; ties by org number (nine digits, so code
 * point order is number order) and the order is total, so pages never overlap.
 */
const SORT_KEY: Record<EmployerSort, SortKeyField> = { lastContact: 'byLastContact', contacts: 'byContacts', placements: 'byPlacements' };

/** Reads the office's relationship docs in a range: the live table, or a replay as of a moment. */
export type ReadRelationships = (range: KeyRange) => Promise<Map<string, EmployerRelationship>>;

/**
 * A page of the office's employers in the chosen order; `after` is the org number that ended
 * the previous page (one the office has not met starts from the top). Reads whose cost follows
 * the page, not how many employers the office has ever met: with `after`, the cursor's doc by its
 * key; then an ordered read from its sort key (or the top), one doc more than the page to know if
 * another follows.
 */
export async function employerPage(
  read: ReadRelationships,
  officeNumber: string,
  options: { sort: EmployerSort; after?: string; limit: number; now: string },
): Promise<{ employers: EmployerAnswer[]; next: string | null }> {
  const field = SORT_KEY[options.sort];
  const cursor =
    options.after === undefined ? undefined : (await read({ keys: [relationshipKey(officeNumber, options.after)] })).values().next().value;
  const withNext = [
    ...(await read({ orderBy: field, prefix: sortKeyPrefix(officeNumber), after: cursor?.[field], limit: options.limit + 1 })).values(),
  ];
  const page = withNext.slice(0, options.limit);
  const cutoff = addDays(options.now, -90);
  return {
    employers: page.map(
      ({ lastPlacementAt: _, placementTimes: _t, needs: _n, byLastContact: _l, byContacts: _c, byPlacements: _p, ...r }) => ({
        ...r,
        placedButNotContacted90d: r.placements > 0 && (r.lastContactAt === null || r.lastContactAt < cutoff),
      }),
    ),
    next: withNext.length > options.limit ? page[page.length - 1]!.orgNumber : null,
  };
}
