import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { ApiView } from '../auth/api-view.decorator.js';
import { ZodValidationPipe } from '../shared/http/zod-validation.pipe.js';
import { checkPeriod, checkViewTime, periodParams, viewTimeOf } from '../shared/views/query-params.js';
import { GetOffices } from './get-offices.query.js';
import { officesAnswerSchema } from './offices.answer-schema.js';

const params = checkViewTime(checkPeriod(z.strictObject(periodParams)));

@ApiTags('views')
@Controller('offices')
export class OfficesController {
  constructor(private readonly queryBus: QueryBus) {}

  /** Offices side by side: a manager sees their own offices, an auditor every office. */
  @Get()
  @ApiView({ roles: ['manager', 'auditor'] }, { summary: 'Offices side by side', answer: officesAnswerSchema, query: params })
  list(@CurrentCaller() caller: Caller, @QueryParams(new ZodValidationPipe(params)) query: z.infer<typeof params>) {
    const visible = caller.roles.includes('auditor') ? undefined : caller.offices;
    return this.queryBus.execute(new GetOffices(visible, { from: query.from, to: query.to }, viewTimeOf(query)));
  }
}
