import { Body, Controller, HttpCode, Inject, Logger, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, ApiProblems, ApiSummary } from '../../shared/open-api/api-responses.js';
import { Access } from '../../auth/access.decorator.js';
import { ClientLevel } from '../../auth/client-level.decorator.js';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../../config/index.js';
import { SubjectDirectory } from '../../shared/clients/subject-directory.js';
import { pseudonymiseClient } from '../../shared/values/personal-id.js';
import { ApiZodBody } from '../../shared/http/api-body.decorator.js';
import { ZodValidationPipe } from '../../shared/http/zod-validation.pipe.js';
import { ClientNotFound } from '../client.errors.js';
import { ErasureMetrics } from '../erasure-metrics.js';
import { eraseClientBody, erasureSchema, type EraseClientBody } from './erase-client.dto.js';

/**
 * Erases a client by crypto-shredding: the link from their pseudonym to the subject id their
 * events carry is deleted, so no event leads to them any more; the events and every count stay.
 */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/clients/erase')
export class EraseClientController {
  private readonly logger = new Logger('ClientErasure');

  constructor(
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly subjects: SubjectDirectory,
    private readonly metrics: ErasureMetrics,
  ) {}

  @Post()
  @HttpCode(200)
  @Access({ roles: ['admin'] })
  @ClientLevel()
  @ApiZodBody(eraseClientBody)
  @ApiSummary('Erase a client: unlink their pseudonym from their subject id')
  @ApiAnswer(erasureSchema, { description: 'the subject whose link was removed, and what went' })
  @ApiProblems({
    403: 'not an admin',
    404: 'no client with this personal id number is linked (admins only ever see this)',
  })
  async erase(@Body(new ZodValidationPipe(eraseClientBody)) body: EraseClientBody) {
    const clientRef = pseudonymiseClient(body.personId, this.config.clientRefSecret);
    const erasure = await this.subjects.erase(clientRef, body.reason, new Date().toISOString());
    if (!erasure) throw new ClientNotFound();
    this.metrics.erased('request', 1);
    // The subject id is random and now leads to nobody: the line is what re-applies the erasure after a restore.
    this.logger.log(`client erased: subject ${erasure.subjectId}`);
    return { ...erasure, erased: ["the link from the client's pseudonym to the subject id"] };
  }
}
