import { Global, Module } from '@nestjs/common';
import { collectDefaultMetrics } from 'prom-client';
import { MetricsController } from './metrics.controller.js';
import { MetricsRegistry } from '../shared/metrics/metrics-registry.js';

/** prom-client's process and Node figures (CPU, memory, heap, event loop lag, GC, handles, start time). */
const withProcessMetrics = (): MetricsRegistry => {
  const registry = new MetricsRegistry();
  collectDefaultMetrics({ register: registry.prometheus });
  return registry;
};

/** `GET /metrics`; the registry is global so any module can add its figures to it. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [{ provide: MetricsRegistry, useFactory: withProcessMetrics }],
  exports: [MetricsRegistry],
})
export class MetricsModule {}
