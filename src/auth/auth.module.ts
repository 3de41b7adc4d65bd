import { type DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { JWTVerifyGetKey } from 'jose';
import type { ClaimsAuthConfig, EntraAuthConfig } from '../config/index.js';
import { ACCESS_DECISION_LISTENER, ignoreDecisions } from './access-decision.js';
import { AccessGuard } from './access.guard.js';
import { AuthMetrics } from './auth-metrics.js';
import { DEV_KEYS, TOKEN_VERIFIER } from './auth.tokens.js';
import type { DevKeys } from './dev-keys.js';
import { DevTokenController } from './dev-token.controller.js';
import { CachedOfficeDirectory } from './entra/cached-office-directory.js';
import { entraTokenVerifier, remoteEntraKeys } from './entra/entra-token-verifier.js';
import { GraphAppToken } from './entra/graph-app-token.js';
import { GraphOfficeDirectory } from './entra/graph-office-directory.js';
import { claimsTokenVerifier, devTokenVerifier, type TokenVerifier } from './token-verifier.js';

export type AuthOptions = { mode: 'dev'; devKeys: DevKeys } | ClaimsAuthConfig | EntraAuthConfig;

/** Bearer tokens on every route; in dev mode also the key pair and `POST /dev/token`. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(
    options: AuthOptions,
    decisionListener: Provider = { provide: ACCESS_DECISION_LISTENER, useValue: ignoreDecisions },
  ): DynamicModule {
    return {
      module: AuthModule,
      controllers: options.mode === 'dev' ? [DevTokenController] : [],
      providers: [
        AuthMetrics,
        { provide: TOKEN_VERIFIER, inject: [AuthMetrics], useFactory: (metrics: AuthMetrics) => verifierFor(options, metrics) },
        ...(options.mode === 'dev' ? [{ provide: DEV_KEYS, useValue: options.devKeys }] : []),
        decisionListener,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [TOKEN_VERIFIER, ACCESS_DECISION_LISTENER],
    };
  }
}

function verifierFor(options: AuthOptions, metrics: AuthMetrics): TokenVerifier {
  if (options.mode === 'dev') return devTokenVerifier(options.devKeys);
  if (options.mode === 'claims') return claimsTokenVerifier(options);
  return entraVerifier(options, metrics, remoteEntraKeys(options));
}

/** Production mode: Entra ID tokens, offices from Graph with the app's own token, kept for the TTL. */
export function entraVerifier(config: EntraAuthConfig, metrics: AuthMetrics, keys: JWTVerifyGetKey): TokenVerifier {
  const { baseUrl, tokenUrl, clientId, clientSecret, clientJwk, timeoutMs } = config.graph;
  const appToken = new GraphAppToken({ tokenUrl, clientId, clientSecret, clientJwk, scope: `${new URL(baseUrl).origin}/.default` });
  const graph = new GraphOfficeDirectory(baseUrl, appToken, timeoutMs);
  const directory = new CachedOfficeDirectory(graph, config.officeCacheTtlSeconds * 1000, metrics.officeLookups);
  return entraTokenVerifier(config, keys, directory);
}
