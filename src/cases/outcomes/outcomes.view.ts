import { defineView } from '@app/projections';
import { cohortPrefix, cohortRowsOf, officeMonthRowsOf, outcomesProjection, providerRowsOf } from './outcomes.projection.js';

/** Cohorts by enrolment month per office, per provider and per office-month (`/outcomes`, `/providers`, the offices compared). */
export const outcomesView = defineView({
  projection: outcomesProjection,
  migratedAt: { table: 1764000000003 },
  // Provider and office-month rows are keyed month first (national views); an office's cohorts are its own.
  officeRanges: (office) => [{ prefix: cohortPrefix(office) }],
  ranges: {
    officeCohorts: cohortRowsOf,
    everyOfficeMonths: officeMonthRowsOf,
    providerMonths: providerRowsOf,
  },
});
