import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { refTo } from '../shared/open-api/api-schemas.js';
import { ApiAnswer, ApiSummary } from '../shared/open-api/api-responses.js';
import { livenessSchema, readinessSchema } from './health.answer-schema.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { EventStore } from '@app/event-store';
import { Public } from '../auth/access.decorator.js';
import { EVENT_STORE } from '@app/event-store';
import { ProjectionSnapshots, type ProjectionSnapshot } from '../projections-admin/projection-snapshots.js';
import { probe } from './part-probe.js';

/** A view whose oldest unprocessed event is older than this is far behind. */
export const READY_MAX_LAG_SECONDS = 300;
const TROUBLED = new Set(['failed', 'degraded']);

/**
 * The probes an orchestrator (nais, Kubernetes) reads; docs/operations.md says how to set them up.
 * Liveness asks only whether the process answers: a restart cures nothing a database outage
 * causes. Readiness asks whether this instance can serve: database and event store reachable
 * (503 otherwise). A view that failed or is far behind makes it `degraded` but still 200: every
 * instance reads the same views, so taking this one out of the load balancer would not help.
 */
@ApiTags('operations')
@Controller('health')
export class HealthProbesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly snapshots: ProjectionSnapshots,
  ) {}

  @Get('live')
  @Public()
  @ApiSummary('Liveness: the process answers')
  @ApiAnswer(livenessSchema)
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiSummary('Readiness: this instance can serve')
  @ApiAnswer(readinessSchema, { description: 'database and event store reachable (views may be degraded)' })
  @ApiResponse({ status: 503, description: 'the database or the event store is down', schema: refTo(readinessSchema) })
  async ready(@Res({ passthrough: true }) response: Response) {
    const [database, eventStore, views] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.eventStore.ping()),
      this.snapshots.read().catch(() => undefined),
    ]);
    const projections = views?.map(summary);
    const up = database === 'up' && eventStore === 'up';
    response.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    const degraded = !projections || projections.some((p) => TROUBLED.has(p.status) || p.lagSeconds > READY_MAX_LAG_SECONDS);
    return { status: !up ? 'unavailable' : degraded ? 'degraded' : 'ok', database, eventStore, projections: projections ?? 'unknown' };
  }
}

const summary = (s: ProjectionSnapshot) => ({ name: s.name, status: s.status, lagEvents: s.lag, lagSeconds: Math.round(s.lagSeconds) });
