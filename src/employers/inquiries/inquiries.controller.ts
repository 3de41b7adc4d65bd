import { Controller, Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiView } from '../../auth/api-view.decorator.js';
import { OfficeNumberPipe } from '../../shared/http/office-number.pipe.js';
import { ZodValidationPipe } from '../../shared/http/zod-validation.pipe.js';
import { checkPeriod, checkViewTime, periodParams, viewTimeOf, viewTimeParams } from '../../shared/views/query-params.js';
import { GetInquiries } from './get-inquiries.query.js';
import { GetOverdueInquiries } from './get-overdue-inquiries.query.js';
import { inquiriesAnswerSchema, overdueInquiriesAnswerSchema } from './inquiries.answer-schema.js';

const monthParams = checkViewTime(checkPeriod(z.strictObject(periodParams)));
const overdueParams = checkViewTime(z.strictObject(viewTimeParams));

@ApiTags('views')
@Controller('offices/:officeNumber/inquiries')
export class InquiriesController {
  constructor(private readonly queryBus: QueryBus) {}

  /** Inquiries per month received: answered within two working days, late, open, overdue; median hours to first contact. */
  @Get()
  @ApiView(
    { roles: ['manager', 'auditor'], office: 'param' },
    { summary: 'Employer inquiries of an office per month received', answer: inquiriesAnswerSchema, query: monthParams },
  )
  months(
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @QueryParams(new ZodValidationPipe(monthParams)) query: z.infer<typeof monthParams>,
  ) {
    return this.queryBus.execute(new GetInquiries(officeNumber, { from: query.from, to: query.to }, viewTimeOf(query)));
  }

  /** Inquiries neither contacted nor closed whose deadline has passed, oldest deadline first. */
  @Get('overdue')
  @ApiView(
    { roles: ['manager', 'auditor'], office: 'param' },
    { summary: 'Open inquiries past their deadline', answer: overdueInquiriesAnswerSchema, query: overdueParams },
  )
  overdue(
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @QueryParams(new ZodValidationPipe(overdueParams)) query: z.infer<typeof overdueParams>,
  ) {
    return this.queryBus.execute(new GetOverdueInquiries(officeNumber, viewTimeOf(query)));
  }
}
