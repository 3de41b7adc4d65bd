import type { AreaView } from '../shared/views/area-view.js';
import { EmployerRelationshipsModule } from './employer-relationships/employer-relationships.module.js';
import { employerRelationshipsView } from './employer-relationships/employer-relationships.view.js';
import { EngagementModule } from './engagement/engagement.module.js';
import { engagementView } from './engagement/engagement.view.js';
import { InquiriesModule } from './inquiries/inquiries.module.js';
import { inquiriesView } from './inquiries/inquiries.view.js';

/** The views the employers area keeps: a new one is its folder plus a line here. */
export const EMPLOYERS_VIEWS: readonly AreaView[] = [
  { definition: engagementView, module: EngagementModule },
  { definition: employerRelationshipsView, module: EmployerRelationshipsModule },
  { definition: inquiriesView, module: InquiriesModule },
];

// What other areas may read of these views: the definitions (what they compute with: employers.figures.ts).
export { engagementView, inquiriesView };
