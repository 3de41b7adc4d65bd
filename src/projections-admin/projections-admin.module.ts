import { type DynamicModule, Module } from '@nestjs/common';
import type { ViewDefinition } from '@app/projections';
import { ProjectionsAdminController } from './projections-admin.controller.js';
import { ADMINISTERED_VIEWS } from './administered-views.js';
import { ProjectionMetrics } from './projection-metrics.js';
import { ProjectionSnapshots } from './projection-snapshots.js';

/**
 * The projection engine's admin routes over the views the app hands it, and its figures: the
 * per-view metrics, and the snapshots `/health/ready` reads too (hence global).
 */
@Module({})
export class ProjectionsAdminModule {
  static forRoot(views: readonly ViewDefinition[]): DynamicModule {
    return {
      module: ProjectionsAdminModule,
      global: true,
      controllers: [ProjectionsAdminController],
      providers: [{ provide: ADMINISTERED_VIEWS, useValue: views }, ProjectionSnapshots, ProjectionMetrics],
      exports: [ProjectionSnapshots],
    };
  }
}
