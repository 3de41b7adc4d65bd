import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiView } from '../../shared/http/api-view.decorator.js';
import { ZodBodyPipe } from '../../shared/http/zod-body.pipe.js';
import { checkPeriod, periodOf, periodParams } from '../../shared/views/query-params.js';
import { GetProviders } from './get-providers.query.js';

const params = checkPeriod(z.strictObject(periodParams));

@ApiTags('views')
@Controller('providers')
export class ProvidersController {
  constructor(private readonly queryBus: QueryBus) {}

  /** National: per provider, EXTERNAL cases enrolled in the period, placed, rate, and at which offices. */
  @Get()
  @ApiView({ roles: ['auditor'] }, 'from', 'to')
  list(@QueryParams(new ZodBodyPipe(params)) query: z.infer<typeof params>) {
    const { from, to } = periodOf(query, new Date().toISOString());
    return this.queryBus.execute(new GetProviders(from, to, query.minPosition));
  }
}
