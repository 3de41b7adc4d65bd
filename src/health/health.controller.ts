import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import { Public } from '../auth/access.decorator.js';
import { probe } from './part-probe.js';

/** For load balancers and people: is the database reachable, is the event store? */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  @Get()
  @Public()
  async health(@Res({ passthrough: true }) response: Response) {
    const [database, eventStore] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.eventStore.ping()),
    ]);
    const up = database === 'up' && eventStore === 'up';
    response.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: up ? 'ok' : 'unavailable', database, eventStore };
  }
}
