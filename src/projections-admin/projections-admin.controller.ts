import { Controller, Get, HttpCode, Inject, Param, Post, Query as QueryParams } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, ApiProblems, ApiQueryOf, ApiSummary } from '../shared/open-api/api-responses.js';
import {
  parkedEventsSchema,
  projectionStatusSchema,
  projectionsSchema,
  retryParkedSchema,
  verificationSchema,
} from './projections-admin.answer-schema.js';
import { z } from 'zod';
import { officeStreamPrefix } from '@app/event-store';
import { ProjectionEngine, type ViewDefinition } from '@app/projections';
import { Access } from '../auth/access.decorator.js';
import { NotFoundDomainError } from '../shared/errors/not-found.error.js';
import { ZodValidationPipe } from '../shared/http/zod-validation.pipe.js';
import { ADMINISTERED_VIEWS } from './administered-views.js';
import { officeNumberField } from '../shared/values/dto-fields.js';

const verifyParams = z.strictObject({ office: officeNumberField.optional() });

@ApiTags('operations')
@ApiBearerAuth()
@ApiProblems({ 403: 'not an admin' })
@Controller('admin/projections')
export class ProjectionsAdminController {
  constructor(
    private readonly engine: ProjectionEngine,
    @Inject(ADMINISTERED_VIEWS) private readonly views: readonly ViewDefinition[],
  ) {}

  @Get()
  @Access({ roles: ['admin'] })
  @ApiSummary('Every view: status, position, lag, parked events')
  @ApiAnswer(projectionsSchema)
  async list() {
    return { projections: await this.engine.status() };
  }

  /** Builds the view again into fresh tables; the live view keeps answering until the swap. */
  @Post(':name/rebuild')
  @HttpCode(202)
  @Access({ roles: ['admin'] })
  @ApiSummary('Build a view again into fresh tables')
  @ApiAnswer(projectionStatusSchema, { status: 202, description: 'the rebuild started' })
  @ApiProblems({ 404: 'no view of this name' })
  async rebuild(@Param('name') name: string) {
    return this.engine.rebuild(this.known(name).projection.name);
  }

  /** The events the view parked (could not apply), oldest first: position, type, stream, keys, error. */
  @Get(':name/parked')
  @Access({ roles: ['admin'] })
  @ApiSummary('The events a view parked')
  @ApiAnswer(parkedEventsSchema)
  @ApiProblems({ 404: 'no view of this name' })
  async parked(@Param('name') name: string) {
    const { projection } = this.known(name);
    return { projection: projection.name, parkedEvents: await this.engine.parked(projection.name) };
  }

  /** After a fix: rebuilds the view with the code now running; events that fail again are parked again (202). */
  @Post(':name/parked/retry')
  @HttpCode(202)
  @Access({ roles: ['admin'] })
  @ApiSummary('Rebuild a view to apply its parked events again')
  @ApiAnswer(retryParkedSchema, { status: 202, description: 'the rebuild started' })
  @ApiProblems({ 404: 'no view of this name' })
  async retryParked(@Param('name') name: string) {
    return this.engine.retryParked(this.known(name).projection.name);
  }

  /** A fresh replay compared with the live view, for one office or all of it. */
  @Get(':name/verify')
  @Access({ roles: ['admin'] })
  @ApiSummary('Compare a fresh replay of a view with the live one')
  @ApiQueryOf(verifyParams, { office: 'only this office (4 digits)' })
  @ApiAnswer(verificationSchema)
  @ApiProblems({ 400: 'invalid or unknown query parameters', 404: 'no view of this name' })
  async verify(@Param('name') name: string, @QueryParams(new ZodValidationPipe(verifyParams)) query: z.infer<typeof verifyParams>) {
    const entry = this.known(name);
    if (!query.office) return this.engine.verify(name);
    const results = await Promise.all(
      entry
        .officeRanges(query.office)
        .map((range) => this.engine.verify(name, { range, events: { streamPrefix: officeStreamPrefix(query.office!) } })),
    );
    return {
      equal: results.every((r) => r.equal),
      position: Math.min(...results.map((r) => r.position)),
      compared: results.reduce((n, r) => n + r.compared, 0),
      differenceCount: results.reduce((n, r) => n + r.differenceCount, 0),
      differences: results.flatMap((r) => r.differences),
    };
  }

  private known(name: string) {
    const entry = this.views.find((view) => view.projection.name === name);
    if (!entry) throw new NotFoundDomainError('No such projection');
    return entry;
  }
}
