import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ProjectionEngine } from '../../libs/projections/src/projection-engine.js';
import { MetricsRegistry, type Sample } from '../metrics/metrics-registry.js';

/**
 * `projection_parked_events{projection}`: events each live view has parked (left out of it), and
 * `projection_lag_events{projection}`. Read from the checkpoint tables at each scrape, so every
 * instance shows the same figures.
 */
@Injectable()
export class ProjectionMetrics implements OnModuleInit {
  private parked: Sample[] = [];
  private lag: Sample[] = [];

  constructor(
    private readonly registry: MetricsRegistry,
    private readonly engine: ProjectionEngine,
  ) {}

  onModuleInit(): void {
    const parkedHelp = 'Events a view could not apply and parked (GET /api/v1/admin/projections/{name}/parked)';
    this.registry.gauge('projection_parked_events', parkedHelp, () => this.parked);
    this.registry.gauge('projection_lag_events', 'Events in the log a view has not processed yet', () => this.lag);
    this.registry.beforeScrape(async () => {
      const statuses = await this.engine.status();
      this.parked = statuses.map((s) => ({ labels: { projection: s.name }, value: s.parkedEvents }));
      this.lag = statuses.map((s) => ({ labels: { projection: s.name }, value: s.lag }));
    });
  }
}
