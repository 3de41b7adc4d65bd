import { defineView } from '@app/projections';
import { monthsBetween } from '../../shared/views/months.js';
import { inquiriesProjection, monthKey, monthRowsOfEveryOffice, OPEN_PREFIX, openPrefix } from './inquiries.projection.js';

/** The months an office's rows can be in, for verify by office (month rows are keyed month first). */
const VERIFIED_MONTHS = { first: '2000-01', last: '2039-12' };

/**
 * Employer inquiries per office: each month's figures against the two-working-day deadline
 * (`GET /offices/{o}/inquiries`), the open ones past it (`…/inquiries/overdue`), and the offices compared.
 */
export const inquiriesView = defineView({
  projection: inquiriesProjection,
  migratedAt: { table: 1767170000000 },
  officeRanges: (office) => [
    { keys: monthsBetween(VERIFIED_MONTHS.first, VERIFIED_MONTHS.last).map((month) => monthKey(office, month)) },
    { prefix: openPrefix(office) },
  ],
  ranges: {
    officeMonths: (office: string, from: string, to: string) => ({ keys: monthsBetween(from, to).map((month) => monthKey(office, month)) }),
    everyOfficeMonths: monthRowsOfEveryOffice,
    open: (office: string) => ({ prefix: openPrefix(office) }),
    openOfEveryOffice: () => ({ prefix: OPEN_PREFIX }),
  },
});
