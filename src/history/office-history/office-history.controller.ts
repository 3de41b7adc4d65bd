import { Controller, Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../auth/access.decorator.js';
import { ClientLevel } from '../../auth/client-level.decorator.js';
import { OfficeNumberPipe } from '../../shared/http/office-number.pipe.js';
import { TIME_WINDOW_DOC } from '../../shared/http/time-window-params.js';
import { ZodValidationPipe } from '../../shared/http/zod-validation.pipe.js';
import { KNOWN_EVENT_TYPES } from '../known-event-types.js';
import { GetOfficeHistory } from './get-office-history.query.js';
import { officeHistoryParams, type OfficeHistoryParams } from './office-history.params.js';
import { OFFICE_HISTORY_SCHEMA } from './office-history.schema.js';

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
  @ApiQuery({ name: 'after', required: false, description: TIME_WINDOW_DOC.after, schema: { type: 'integer', minimum: 0 } })
  @ApiQuery({
    name: 'limit',
    required: false,
    description: TIME_WINDOW_DOC.limit,
    schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  })
  @ApiQuery({ name: 'types', required: false, description: `comma-separated event types: ${KNOWN_EVENT_TYPES.join(', ')}` })
  @ApiQuery({ name: 'from', required: false, description: TIME_WINDOW_DOC.from, example: '2026-05-01T00:00:00+02:00' })
  @ApiQuery({ name: 'to', required: false, description: TIME_WINDOW_DOC.to, example: '2026-05-31' })
  @ApiOkResponse({ schema: OFFICE_HISTORY_SCHEMA })
  @ApiResponse({ status: 400, description: 'invalid or unknown query parameters: every violation listed (problem+json)' })
  @ApiResponse({ status: 401, description: 'no or bad token' })
  @ApiResponse({ status: 403, description: 'not a manager of this office, nor an auditor' })
  get(
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @QueryParams(new ZodValidationPipe(officeHistoryParams)) query: OfficeHistoryParams,
  ) {
    return this.queryBus.execute(new GetOfficeHistory(officeNumber, query));
  }
}
