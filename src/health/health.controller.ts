import { Controller, Get, HttpStatus, Inject, Optional, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { refTo } from '../shared/open-api/api-schemas.js';
import { ApiAnswer, ApiSummary } from '../shared/open-api/api-responses.js';
import { healthSchema } from './health.answer-schema.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import { ProjectionEngine } from '@app/projections';
import { Public } from '../auth/access.decorator.js';
import { probe } from './part-probe.js';

/** For load balancers and people: is the database reachable, is the event store? */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Optional() private readonly engine?: ProjectionEngine,
  ) {}

  @Get()
  @Public()
  @ApiSummary('Is the database reachable, is the event store?')
  @ApiAnswer(healthSchema, { description: 'both are up (status ok, or degraded when a view parked events)' })
  @ApiResponse({ status: 503, description: 'the database or the event store is down', schema: refTo(healthSchema) })
  async health(@Res({ passthrough: true }) response: Response) {
    const [database, eventStore] = await Promise.all([probe(() => this.dataSource.query('SELECT 1')), probe(() => this.eventStore.ping())]);
    const up = database === 'up' && eventStore === 'up';
    response.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    if (!up) return { status: 'unavailable', database, eventStore };
    // Degraded, not down: a view that parked events still answers, and every other view is whole.
    const degradedViews = await this.degradedViews();
    if (degradedViews.length > 0) return { status: 'degraded', database, eventStore, degradedViews };
    return { status: 'ok', database, eventStore };
  }

  /** Views with parked events (or a failure recorded); none when the engine cannot say within the probe time. */
  private async degradedViews(): Promise<string[]> {
    if (!this.engine) return [];
    let names: string[] = [];
    const read = this.engine.status().then((statuses) => {
      names = statuses.filter((s) => s.parkedEvents > 0 || s.status === 'failed').map((s) => s.name);
    });
    return (await probe(() => read)) === 'up' ? names : [];
  }
}
