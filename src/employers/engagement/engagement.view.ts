import { defineView } from '@app/projections';
import { monthsBetween } from '../../shared/views/months.js';
import { comparedKey, comparedMonthsOfEveryOffice, engagementProjection, monthKey, timelinePrefix } from './engagement.projection.js';

/**
 * The months an office's rows can be in, for verify by office: month rows are keyed month first
 * (for the national comparison), so an office's are found by listing its possible months.
 */
const VERIFIED_MONTHS = { first: '2000-01', last: '2039-12' };

/** Employer work per office and month (`GET /offices/{o}/engagement`, and the offices compared). */
export const engagementView = defineView({
  projection: engagementProjection,
  migratedAt: { table: 1764000000001 },
  officeRanges: (office) => [
    { keys: monthsBetween(VERIFIED_MONTHS.first, VERIFIED_MONTHS.last).map((month) => monthKey(office, month)) },
    { keys: monthsBetween(VERIFIED_MONTHS.first, VERIFIED_MONTHS.last).map((month) => comparedKey(office, month)) },
    { prefix: timelinePrefix(office) },
  ],
  ranges: {
    officeMonths: (office: string, from: string, to: string) => ({ keys: monthsBetween(from, to).map((month) => monthKey(office, month)) }),
    /** The compared months (`ComparedMonth`) of every office: what the offices comparison reads. */
    everyOfficeMonths: comparedMonthsOfEveryOffice,
  },
});
