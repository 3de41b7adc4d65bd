import { Controller, Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiView } from '../../auth/api-view.decorator.js';
import { OfficeNumberPipe } from '../../shared/http/office-number.pipe.js';
import { ZodValidationPipe } from '../../shared/http/zod-validation.pipe.js';
import { checkViewTime, viewTimeOf, viewTimeParams } from '../../shared/views/query-params.js';
import { EMPLOYER_SORTS } from './employer-relationships.answer.js';
import { GetEmployerRelationships } from './get-employer-relationships.query.js';
import { employerRelationshipsAnswerSchema } from './employer-relationships.answer-schema.js';

const params = checkViewTime(
  z.strictObject({
    sort: z.enum(EMPLOYER_SORTS).default('lastContact'),
    after: z
      .string()
      .regex(/^\d{9}$/, 'must be the org number that ended the previous page')
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    ...viewTimeParams,
  }),
);

@ApiTags('views')
@Controller('offices/:officeNumber/employers')
export class EmployerRelationshipsController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The office's employers: contacts, last contact, placements, open needs; `next` pages on. */
  @Get()
  @ApiView(
    { roles: ['manager', 'auditor'], office: 'param' },
    { summary: "The office's employers, a page at a time", answer: employerRelationshipsAnswerSchema, query: params },
  )
  get(
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @QueryParams(new ZodValidationPipe(params)) query: z.infer<typeof params>,
  ) {
    const { sort, after, limit } = query;
    return this.queryBus.execute(new GetEmployerRelationships(officeNumber, { sort, after, limit }, viewTimeOf(query)));
  }
}
