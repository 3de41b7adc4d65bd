import { Controller, Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access } from '../../auth/access.decorator.js';
import { ClientLevel } from '../../auth/client-level.decorator.js';
import { OfficeNumberPipe } from '../../shared/http/office-number.pipe.js';
import { TIME_WINDOW_DOC } from '../../shared/http/time-window-params.js';
import { ZodValidationPipe } from '../../shared/http/zod-validation.pipe.js';
import { KNOWN_EVENT_TYPES } from '../known-event-types.js';
import { GetOfficeHistory } from './get-office-history.query.js';
import { officeHistoryParams, type OfficeHistoryParams } from './office-history.params.js';
import { officeHistorySchema } from './office-history.schema.js';
import { ApiAnswer, ApiProblems, ApiQueryOf, ApiSummary } from '../../shared/open-api/api-responses.js';

@ApiTags('audit')
@Controller('offices/:officeNumber/history')
export class OfficeHistoryController {
  constructor(private readonly queryBus: QueryBus) {}

  /**
   * The office's events in global order, as the event store holds them but upcast to each type's
   * current schema version (`metadata.storedSchemaVersion` tells when that happened). Every
   * read is written to the access log.
   */
  @Get()
  @Access({ roles: ['manager', 'auditor'], office: 'param' })
  @ClientLevel()
  @ApiBearerAuth()
  @ApiSummary("An office's events in global order")
  @ApiQueryOf(officeHistoryParams, {
    ...TIME_WINDOW_DOC,
    types: `comma-separated event types: ${KNOWN_EVENT_TYPES.join(', ')}`,
  })
  @ApiAnswer(officeHistorySchema)
  @ApiProblems({
    400: 'invalid or unknown query parameters, or an `after` the log never handed out: every violation listed',
    403: 'not a manager of this office, nor an auditor',
  })
  get(
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @QueryParams(new ZodValidationPipe(officeHistoryParams)) query: OfficeHistoryParams,
  ) {
    return this.queryBus.execute(new GetOfficeHistory(officeNumber, query));
  }
}
