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

// What other areas may read of these views: the definitions (what they compute with: cases.figures.ts).
export { clientRetentionView, followUpGapsView, outcomesView };
