import { addDays } from '../../shared/views/months.js';
import type { EmployerRelationship } from './employer-relationships.projection.js';

export const EMPLOYER_SORTS = ['lastContact', 'contacts', 'placements'] as const;
export type EmployerSort = (typeof EMPLOYER_SORTS)[number];

export interface EmployerAnswer extends Omit<EmployerRelationship, 'lastPlacementAt'> {
  placedButNotContacted90d: boolean;
}

const byDesc = (a: number | string | null, b: number | string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a > b ? -1 : 1);

const comparators: Record<EmployerSort, (a: EmployerRelationship, b: EmployerRelationship) => number> = {
  lastContact: (a, b) => byDesc(a.lastContactAt, b.lastContactAt),
  contacts: (a, b) => byDesc(a.contacts, b.contacts),
  placements: (a, b) => byDesc(a.placements, b.placements),
};

/**
 * A page of the office's employers in the chosen order; `after` is the org number that ended
 * the previous page (ties break on org number, so the order is total and pages never overlap).
 */
export function employerPage(
  relationships: Iterable<EmployerRelationship>,
  options: { sort: EmployerSort; after?: string; limit: number; now: string },
): { employers: EmployerAnswer[]; next: string | null } {
  // Org numbers are nine digits, so comparing code points orders them as localeCompare would, many times faster.
  const sorted = [...relationships].sort((a, b) => comparators[options.sort](a, b) || (a.orgNumber < b.orgNumber ? -1 : a.orgNumber > b.orgNumber ? 1 : 0));
  const start = options.after ? sorted.findIndex((r) => r.orgNumber === options.after) + 1 : 0;
  const page = sorted.slice(start, start + options.limit);
  const cutoff = addDays(options.now, -90);
  return {
    employers: page.map(({ lastPlacementAt: _, ...r }) => ({
      ...r,
      placedButNotContacted90d: r.placements > 0 && (r.lastContactAt === null || r.lastContactAt < cutoff),
    })),
    next: start + options.limit < sorted.length ? (page[page.length - 1]?.orgNumber ?? null) : null,
  };
}
