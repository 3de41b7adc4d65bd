import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { named } from '../shared/open-api/api-schemas.js';
import { ApiAnswer, ApiProblems, ApiSummary } from '../shared/open-api/api-responses.js';
import { z } from 'zod';
import { ApiZodBody } from '../shared/http/api-body.decorator.js';
import { ZodValidationPipe } from '../shared/http/zod-validation.pipe.js';
import { Public } from './access.decorator.js';
import { DEV_KEYS } from './auth.tokens.js';
import { ROLES } from './caller.js';
import type { DevKeys } from './dev-keys.js';
import { officeNumberField } from '../shared/values/dto-fields.js';

const devTokenRequest = z.strictObject({
  navIdent: z.string().regex(/^[A-Z]\d{6}$/, 'must be one letter and 6 digits, e.g. Z123456'),
  roles: z.array(z.enum(ROLES)).min(1),
  offices: z.array(officeNumberField),
});

const devTokenSchema = named('DevToken', z.object({ token: z.string().describe('a bearer token, signed by the keys made at start') }));

/** Dev mode only (registered by AuthModule in dev mode; 404 otherwise): mint a token to try the API. */
@ApiTags('dev')
@Controller('dev/token')
export class DevTokenController {
  constructor(@Inject(DEV_KEYS) private readonly keys: DevKeys) {}

  @Post()
  @Public()
  @HttpCode(201)
  @ApiZodBody(devTokenRequest)
  @ApiSummary('Dev mode only: a token for any caller')
  @ApiAnswer(devTokenSchema, { status: 201 })
  @ApiProblems({ 400: 'invalid input: every violation listed', 404: 'not in dev mode: this route does not exist' })
  async issue(
    @Body(new ZodValidationPipe(devTokenRequest)) body: z.infer<typeof devTokenRequest>,
  ): Promise<z.infer<typeof devTokenSchema>> {
    return { token: await this.keys.sign(body) };
  }
}
