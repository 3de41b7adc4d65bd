import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiView } from '../../auth/api-view.decorator.js';
import { ZodValidationPipe } from '../../shared/http/zod-validation.pipe.js';
import { checkPeriod, checkViewTime, periodParams, viewTimeOf } from '../../shared/views/query-params.js';
import { GetProviders } from './get-providers.query.js';
import { providersAnswerSchema } from './outcomes.answer-schema.js';

const params = checkViewTime(checkPeriod(z.strictObject(periodParams)));

@ApiTags('views')
@Controller('providers')
export class ProvidersController {
  constructor(private readonly queryBus: QueryBus) {}

  /** National: per provider, EXTERNAL cases started in the period, placed, transferred in and out, rate, and at which offices. */
  @Get()
  @ApiView({ roles: ['auditor'] }, { summary: 'Outcomes per provider, nationally', answer: providersAnswerSchema, query: params })
  list(@QueryParams(new ZodValidationPipe(params)) query: z.infer<typeof params>) {
    return this.queryBus.execute(new GetProviders({ from: query.from, to: query.to }, viewTimeOf(query)));
  }
}
