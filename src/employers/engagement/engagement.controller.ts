import { Controller, Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiView } from '../../auth/api-view.decorator.js';
import { OfficeNumberPipe } from '../../shared/http/office-number.pipe.js';
import { ZodValidationPipe } from '../../shared/http/zod-validation.pipe.js';
import { checkPeriod, checkViewTime, periodParams, viewTimeOf } from '../../shared/views/query-params.js';
import { GetEngagement } from './get-engagement.query.js';
import { engagementAnswerSchema } from './engagement.answer-schema.js';

const params = checkViewTime(checkPeriod(z.strictObject(periodParams)));

@ApiTags('views')
@Controller('offices/:officeNumber/engagement')
export class EngagementController {
  constructor(private readonly queryBus: QueryBus) {}

  /** Employer work per month: contacts, employers, advisors, channels, themes, needs, placements. */
  @Get()
  @ApiView(
    { roles: ['manager', 'auditor'], office: 'param' },
    { summary: 'Employer work of an office per month', answer: engagementAnswerSchema, query: params },
  )
  get(
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @QueryParams(new ZodValidationPipe(params)) query: z.infer<typeof params>,
  ) {
    return this.queryBus.execute(new GetEngagement(officeNumber, { from: query.from, to: query.to }, viewTimeOf(query)));
  }
}
