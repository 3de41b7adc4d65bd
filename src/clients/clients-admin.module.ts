import { Module } from '@nestjs/common';
import { EraseClientController } from './erase-client/erase-client.controller.js';
import { ErasureMetrics } from './erasure-metrics.js';
import { LegacySubjects } from './legacy-subjects.js';
import { ClientRetentionJob } from './retention/client-retention.job.js';

/** Erasure of clients: on request, by retention, and again after a restore. */
@Module({
  controllers: [EraseClientController],
  providers: [ErasureMetrics, LegacySubjects, ClientRetentionJob],
})
export class ClientsAdminModule {}
