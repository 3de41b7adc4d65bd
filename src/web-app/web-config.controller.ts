import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { named } from '../shared/open-api/api-schemas.js';
import { ApiAnswer, ApiSummary } from '../shared/open-api/api-responses.js';
import { Public } from '../auth/access.decorator.js';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/index.js';

const webConfigSchema = named(
  'WebConfig',
  z.discriminatedUnion('authMode', [
    z.object({ authMode: z.literal('dev') }),
    z.object({ authMode: z.literal('oidc'), issuer: z.string(), clientId: z.string(), scope: z.string() }),
  ]),
  'how the web app signs in',
);
export type WebConfig = z.infer<typeof webConfigSchema>;

/**
 * How the web app signs in, read before any token exists. Outside dev mode (claims or Entra ID) only what a public
 * client may know: the issuer (its endpoints come from the issuer's discovery document), the
 * client id and the scope to ask for.
 */
@ApiTags('web app')
@Controller('web-config')
export class WebConfigController {
  constructor(@Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig) {}

  @Get()
  @Public()
  @ApiSummary('How the web app signs in')
  @ApiAnswer(webConfigSchema)
  get(): WebConfig {
    const { auth, webSignIn } = this.config;
    if (auth.mode === 'dev') return { authMode: 'dev' };
    return { authMode: 'oidc', issuer: auth.issuer, clientId: webSignIn.clientId ?? auth.audience, scope: webSignIn.scope ?? 'openid' };
  }
}
