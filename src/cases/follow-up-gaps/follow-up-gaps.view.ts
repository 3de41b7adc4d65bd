import { defineView } from '@app/projections';
import { activeCasePrefix, followUpGapsProjection, openCasesKey } from './follow-up-gaps.projection.js';
import { followUpGapCountRanges } from './follow-up-gaps.answer.js';

/** Active cases per office and each office's tally of them (`GET /offices/{o}/follow-up-gaps`, the offices compared). */
export const followUpGapsView = defineView({
  projection: followUpGapsProjection,
  migratedAt: {
    table: 1764000000004,
    // v3: the office comparison reads the external cases that went quiet on one day.
    orderIndexes: { byQuietSince: 1766000000004 },
  },
  officeRanges: (office) => [{ prefix: activeCasePrefix(office) }, { keys: [openCasesKey(office)] }],
  ranges: {
    activeCases: (office: string) => ({ prefix: activeCasePrefix(office) }),
    gapCounts: followUpGapCountRanges,
  },
});
