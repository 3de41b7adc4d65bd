import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../auth/access.decorator.js';
import { TIME_WINDOW_DOC } from '../../shared/http/time-window-params.js';
import { ZodValidationPipe } from '../../shared/http/zod-validation.pipe.js';
import { accessLogParams, type AccessLogParams } from './access-log.params.js';
import { ACCESS_LOG_SCHEMA } from './access-log.schema.js';
import { GetAccessLog } from './get-access-log.query.js';

@ApiTags('audit')
@Controller('access-log')
export class AccessLogController {
  constructor(private readonly queryBus: QueryBus) {}

  /**
   * The access log (sporingslogg), oldest first: every refused request on any route and every
   * allowed read of client-level data (history, follow-up gaps, outcomes, also as of a moment).
   */
  @Get()
  @Access({ roles: ['auditor'] })
  @ApiBearerAuth()
  @ApiQuery({ name: 'office', required: false, description: 'only requests for this office (4 digits)' })
  @ApiQuery({ name: 'from', required: false, description: TIME_WINDOW_DOC.from.replace('recorded', 'logged') })
  @ApiQuery({ name: 'to', required: false, description: TIME_WINDOW_DOC.to.replace('recorded', 'logged') })
  @ApiQuery({ name: 'after', required: false, description: TIME_WINDOW_DOC.after, schema: { type: 'integer', minimum: 0 } })
  @ApiQuery({
    name: 'limit',
    required: false,
    description: TIME_WINDOW_DOC.limit,
    schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  })
  @ApiOkResponse({ schema: ACCESS_LOG_SCHEMA })
  @ApiResponse({ status: 400, description: 'invalid or unknown query parameters: every violation listed (problem+json)' })
  @ApiResponse({ status: 401, description: 'no or bad token' })
  @ApiResponse({ status: 403, description: 'not an auditor' })
  get(@QueryParams(new ZodValidationPipe(accessLogParams)) query: AccessLogParams) {
    return this.queryBus.execute(new GetAccessLog(query));
  }
}
