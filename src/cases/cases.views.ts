import type { AreaView } from '../shared/views/area-view.js';
import { ClientRetentionModule } from './client-retention/client-retention.module.js';
import { clientRetentionView } from './client-retention/client-retention.view.js';
import { FollowUpGapsModule } from './follow-up-gaps/follow-up-gaps.module.js';
import { followUpGapsView } from './follow-up-gaps/follow-up-gaps.view.js';
import { OutcomesModule } from './outcomes/outcomes.module.js';
import { outcomesView } from './outcomes/outcomes.view.js';

/** The views the cases area keeps: a new one is its folder plus a line here. */
export const CASES_VIEWS: readonly AreaView[] = [
  { definition: outcomesView, module: OutcomesModule },
  { definition: followUpGapsView, module: FollowUpGapsModule },
  { definition: clientRetentionView, module: ClientRetentionModule },
];

// What other areas may read of these views: the definitions, their docs' shapes, the gaps rule.
export { clientRetentionView, followUpGapsView, outcomesView };
export type { ClientRetention } from './client-retention/client-retention.projection.js';
export type { ActiveCase, OfficeOpenCases } from './follow-up-gaps/follow-up-gaps.projection.js';
export { followUpGapCounts } from './follow-up-gaps/follow-up-gaps.answer.js';
export type { OfficeMonth } from './outcomes/outcomes.projection.js';
export { placementRate } from './outcomes/outcomes.answer.js';
