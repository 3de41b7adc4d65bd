import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ProjectionEngine } from '@app/projections';
import { MetricsRegistry, type Sample } from '../shared/metrics/metrics-registry.js';
import { ProjectionSnapshots, type ProjectionSnapshot } from './projection-snapshots.js';

/** Every status a view can be in; `projection_status` has one series per status, 1 for the current one. */
const STATUSES = ['running', 'catching_up', 'rebuilding', 'failed', 'degraded', 'stopped'];
const BATCH_BUCKETS = [1, 5, 25, 100, 250, 500, 1000, 2500, 10_000];
const COMMIT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Per view: position, head, lag in events and seconds, status, batch sizes and commit times. */
@Injectable()
export class ProjectionMetrics implements OnModuleInit {
  constructor(
    private readonly engine: ProjectionEngine,
    private readonly registry: MetricsRegistry,
    private readonly snapshots: ProjectionSnapshots,
  ) {}

  onModuleInit(): void {
    const { registry } = this;
    const labels = ['projection', 'track'] as const;
    const batchHelp = 'Events per committed batch (live) or window (rebuild)';
    const batchEvents = registry.histogram('projection_batch_events', batchHelp, labels, BATCH_BUCKETS);
    const commitSeconds = registry.histogram('projection_commit_duration_seconds', 'A batch transaction, to COMMIT', labels, COMMIT_BUCKETS);
    this.engine.onBatchCommitted(({ projection, track, events, seconds }) => {
      batchEvents.observe({ projection, track }, events);
      commitSeconds.observe({ projection, track }, seconds);
    });
    const perView = (name: string, help: string, value: (s: ProjectionSnapshot) => number) =>
      registry.gauge(name, help, async () =>
        (await this.snapshots.read()).map((s): Sample => ({ labels: { projection: s.name }, value: value(s) })),
      );
    perView('projection_position', 'Last global position the live view has processed', (s) => s.position);
    perView('projection_head_position', 'Last global position readable in the event store', (s) => s.headPosition);
    perView('projection_lag_events', 'Events the live view is behind the head', (s) => s.lag);
    perView('projection_lag_seconds', 'Age of the oldest event the live view has not processed', (s) => s.lagSeconds);
    registry.gauge('projection_status', "The live view's status: 1 on the current one", async () =>
      (await this.snapshots.read()).flatMap((s) =>
        [...new Set([...STATUSES, s.status])].map(
          (status): Sample => ({ labels: { projection: s.name, status }, value: status === s.status ? 1 : 0 }),
        ),
      ),
    );
    perView('projection_parked_events', 'Events a view could not apply and parked (GET /api/v1/admin/projections/{name}/parked)', (s) => s.parkedEvents);
  }
}
