import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access } from '../../auth/access.decorator.js';
import { TIME_WINDOW_DOC } from '../../shared/http/time-window-params.js';
import { ZodValidationPipe } from '../../shared/http/zod-validation.pipe.js';
import { accessLogParams, type AccessLogParams } from './access-log.params.js';
import { accessLogSchema } from './access-log.schema.js';
import { ApiAnswer, ApiProblems, ApiQueryOf, ApiSummary } from '../../shared/open-api/api-responses.js';
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
  @ApiSummary('The access log: refused requests and reads of client-level data')
  @ApiQueryOf(accessLogParams, {
    office: 'only requests for this office (4 digits)',
    from: TIME_WINDOW_DOC.from.replace('recorded', 'logged'),
    to: TIME_WINDOW_DOC.to.replace('recorded', 'logged'),
    after: TIME_WINDOW_DOC.after,
    limit: TIME_WINDOW_DOC.limit,
  })
  @ApiAnswer(accessLogSchema)
  @ApiProblems({ 400: 'invalid or unknown query parameters: every violation listed', 403: 'not an auditor' })
  get(@QueryParams(new ZodValidationPipe(accessLogParams)) query: AccessLogParams) {
    return this.queryBus.execute(new GetAccessLog(query));
  }
}
