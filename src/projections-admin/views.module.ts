import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../../libs/projections/src/projections.module.js';
import { FollowUpGapsController } from '../cases/follow-up-gaps/follow-up-gaps.controller.js';
import { GetFollowUpGapsHandler } from '../cases/follow-up-gaps/get-follow-up-gaps.query.js';
import { GetOutcomesHandler } from '../cases/outcomes/get-outcomes.query.js';
import { GetProvidersHandler } from '../cases/outcomes/get-providers.query.js';
import { OutcomesController } from '../cases/outcomes/outcomes.controller.js';
import { ProvidersController } from '../cases/outcomes/providers.controller.js';
import { EmployersController } from '../employers/employer-relationships/employers.controller.js';
import { GetEmployersHandler } from '../employers/employer-relationships/get-employers.query.js';
import { EngagementController } from '../employers/engagement/engagement.controller.js';
import { GetEngagementHandler } from '../employers/engagement/get-engagement.query.js';
import { EVENT_STORE } from '../infrastructure/event-store.module.js';
import { GetOfficesHandler } from '../offices/get-offices.query.js';
import { OfficesController } from '../offices/offices.controller.js';
import { ViewReader } from '../shared/views/view-reader.js';
import { PROJECTIONS } from './projection-catalogue.js';
import { ProjectionMetrics } from './projection-metrics.js';
import { ProjectionsAdminController } from './projections-admin.controller.js';
import { ProjectionSnapshots } from './projection-snapshots.js';

/** The read side: the projection engine running every view, the view routes and their admin. */
@Module({
  imports: [ProjectionsModule.forRoot({ projections: PROJECTIONS.map((p) => p.projection), eventStore: EVENT_STORE })],
  controllers: [
    EngagementController, OutcomesController, FollowUpGapsController, EmployersController, OfficesController, ProvidersController,
    ProjectionsAdminController,
  ],
  providers: [
    ViewReader, GetEngagementHandler, GetOutcomesHandler, GetFollowUpGapsHandler, GetEmployersHandler, GetOfficesHandler, GetProvidersHandler,
    ProjectionSnapshots, ProjectionMetrics,
  ],
  exports: [ProjectionSnapshots],
})
export class ViewsModule {}
