import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator.js';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/index.js';

export type WebConfig = { authMode: 'dev' } | { authMode: 'oidc'; issuer: string; clientId: string; scope: string };

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
  get(): WebConfig {
    const { auth, webSignIn } = this.config;
    if (auth.mode === 'dev') return { authMode: 'dev' };
    return { authMode: 'oidc', issuer: auth.issuer, clientId: webSignIn.clientId ?? auth.audience, scope: webSignIn.scope ?? 'openid' };
  }
}
