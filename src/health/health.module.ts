import { Module } from '@nestjs/common';
import { HealthProbesController } from './health-probes.controller.js';
import { HealthController } from './health.controller.js';

// ProjectionSnapshots (for readiness) comes from the global ProjectionsAdminModule.
@Module({ controllers: [HealthController, HealthProbesController] })
export class HealthModule {}
