import { Controller, Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ClientLevel } from '../../auth/client-level.decorator.js';
import { ApiView } from '../../auth/api-view.decorator.js';
import { OfficeNumberPipe } from '../../shared/http/office-number.pipe.js';
import { ZodValidationPipe } from '../../shared/http/zod-validation.pipe.js';
import { checkPeriod, checkViewTime, periodParams, viewTimeOf } from '../../shared/views/query-params.js';
import { GetOutcomes } from './get-outcomes.query.js';
import { outcomesAnswerSchema } from './outcomes.answer-schema.js';

const params = checkViewTime(checkPeriod(z.strictObject(periodParams)));

@ApiTags('views')
@Controller('offices/:officeNumber/outcomes')
export class OutcomesController {
  constructor(private readonly queryBus: QueryBus) {}

  /**
   * Cohorts by start month at the office: enrolled, active, placed, exited, transferred in and out,
   * placement rate, median days to placement.
   */
  @Get()
  @ClientLevel()
  @ApiView(
    { roles: ['manager', 'auditor'], office: 'param' },
    { summary: "Outcomes of an office's cases by start month", answer: outcomesAnswerSchema, query: params },
  )
  get(
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @QueryParams(new ZodValidationPipe(params)) query: z.infer<typeof params>,
  ) {
    return this.queryBus.execute(new GetOutcomes(officeNumber, { from: query.from, to: query.to }, viewTimeOf(query)));
  }
}
