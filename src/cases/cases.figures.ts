// What other areas may compute with from the cases area's views: the docs' shapes and the rules that
// read them. Plain code without the views' Nest modules (those are in cases.views.ts), so the offices
// comparison's worker thread loads it in a moment.
export type { ClientRetention } from './client-retention/client-retention.projection.js';
export type { ActiveCase, OfficeOpenCases } from './follow-up-gaps/follow-up-gaps.projection.js';
export { followUpGapCounts } from './follow-up-gaps/follow-up-gaps.answer.js';
export type { OfficeMonth } from './outcomes/outcomes.projection.js';
export { placementRate } from './outcomes/outcomes.answer.js';
