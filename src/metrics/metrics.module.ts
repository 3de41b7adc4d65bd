import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller.js';
import { MetricsRegistry } from '../shared/metrics/metrics-registry.js';

const processMetrics = (): MetricsRegistry => {
  const registry = new MetricsRegistry();
  registry.gauge('process_uptime_seconds', 'Seconds since the process started', () => process.uptime());
  registry.gauge('process_resident_memory_bytes', 'Resident memory of the process', () => process.memoryUsage().rss);
  registry.gauge('nodejs_heap_used_bytes', 'V8 heap in use', () => process.memoryUsage().heapUsed);
  return registry;
};

/** `GET /metrics`; the registry is global so any module can add its figures to it. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [{ provide: MetricsRegistry, useFactory: processMetrics }],
  exports: [MetricsRegistry],
})
export class MetricsModule {}
