import { Injectable } from '@nestjs/common';
import { MetricsRegistry, type Counter } from '../shared/metrics/metrics-registry.js';

/** Erasures by what asked for them (`request`: the admin route, `retention`: the scheduled job). */
@Injectable()
export class ErasureMetrics {
  private readonly erasures: Counter;
  private readonly runs: Counter;

  constructor(registry: MetricsRegistry) {
    this.erasures = registry.counter('client_erasures_total', 'Clients erased (their pseudonym unlinked), by what asked for it');
    this.runs = registry.counter('client_retention_runs_total', 'Runs of the retention job on this instance, by outcome');
  }

  erased(by: 'request' | 'retention', count: number): void {
    this.erasures.inc({ by }, count);
  }

  ran(outcome: 'done' | 'skipped' | 'failed'): void {
    this.runs.inc({ outcome });
  }
}
