import { type DynamicModule, Module } from '@nestjs/common';
import type { ViewDefinition } from '@app/projections';
import { ProjectionsAdminController } from './projections-admin.controller.js';
import { ADMINISTERED_VIEWS } from './administered-views.js';

/** The projection engine's admin routes, over the views the app hands it. */
@Module({})
export class ProjectionsAdminModule {
  static forRoot(views: readonly ViewDefinition[]): DynamicModule {
    return {
      module: ProjectionsAdminModule,
      controllers: [ProjectionsAdminController],
      providers: [{ provide: ADMINISTERED_VIEWS, useValue: views }],
    };
  }
}
