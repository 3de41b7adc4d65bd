import { Controller, Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ClientLevel } from '../../auth/client-level.decorator.js';
import { ApiView } from '../../auth/api-view.decorator.js';
import { OfficeNumberPipe } from '../../shared/http/office-number.pipe.js';
import { ZodValidationPipe } from '../../shared/http/zod-validation.pipe.js';
import { checkViewTime, viewTimeOf, viewTimeParams } from '../../shared/views/query-params.js';
import { GetFollowUpGaps } from './get-follow-up-gaps.query.js';
import { followUpGapsAnswerSchema } from './follow-up-gaps.answer-schema.js';

const params = checkViewTime(z.strictObject({ days: z.coerce.number().int().min(1).max(3650).default(30), ...viewTimeParams }));

@ApiTags('views')
@Controller('offices/:officeNumber/follow-up-gaps')
export class FollowUpGapsController {
  constructor(private readonly queryBus: QueryBus) {}

  /** Active EXTERNAL cases with no follow-up (or enrolment) for `days` days or more. */
  @Get()
  @ClientLevel()
  @ApiView(
    { roles: ['manager', 'auditor'], office: 'param' },
    { summary: 'Active external cases without follow-up for a number of days', answer: followUpGapsAnswerSchema, query: params },
  )
  get(
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @QueryParams(new ZodValidationPipe(params)) query: z.infer<typeof params>,
  ) {
    return this.queryBus.execute(new GetFollowUpGaps(officeNumber, query.days, viewTimeOf(query)));
  }
}
