import { type DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ACCESS_DECISION_LISTENER, ignoreDecisions } from './access-decision.js';
import { AccessGuard } from './access.guard.js';
import { DEV_KEYS, TOKEN_VERIFIER } from './auth.tokens.js';
import type { DevKeys } from './dev-keys.js';
import { DevTokenController } from './dev-token.controller.js';
import { devTokenVerifier, productionTokenVerifier } from './token-verifier.js';

export type AuthOptions =
  | { mode: 'dev'; devKeys: DevKeys }
  | { mode: 'production'; issuer: string; audience: string; jwksUrl: string };

/** Bearer tokens on every route; in dev mode also the key pair and `POST /dev/token`. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions, decisionListener: Provider = { provide: ACCESS_DECISION_LISTENER, useValue: ignoreDecisions }): DynamicModule {
    const verifier =
      options.mode === 'dev'
        ? devTokenVerifier(options.devKeys)
        : productionTokenVerifier(options.jwksUrl, options.issuer, options.audience);
    return {
      module: AuthModule,
      controllers: options.mode === 'dev' ? [DevTokenController] : [],
      providers: [
        { provide: TOKEN_VERIFIER, useValue: verifier },
        ...(options.mode === 'dev' ? [{ provide: DEV_KEYS, useValue: options.devKeys }] : []),
        decisionListener,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [TOKEN_VERIFIER, ACCESS_DECISION_LISTENER],
    };
  }
}
