import { Module } from '@nestjs/common';
import { ViewsModule } from '../projections-admin/views.module.js';
import { HealthProbesController } from './health-probes.controller.js';
import { HealthController } from './health.controller.js';

@Module({ imports: [ViewsModule], controllers: [HealthController, HealthProbesController] })
export class HealthModule {}
