import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { ClaimsAuthConfig } from '../config/index.js';
import { AuthUnavailable } from './auth-unavailable.error.js';
import { ROLES, type Caller } from './caller.js';
import { DEV_KEY_ALGORITHM, DEV_TOKEN_LIFETIME_SECONDS, type DevKeys } from './dev-keys.js';
import { refusalOfTokenTimes } from './token-times.js';

export class InvalidToken extends Error {
  override readonly name = 'InvalidToken';
}

export interface TokenVerifier {
  /** The caller, or InvalidToken (401), or AuthUnavailable (503) when a dependency did not answer. */
  verify(token: string): Promise<Caller>;
}

export interface TokenChecks {
  issuer: string;
  audience: string;
  /** Never left to the token's header: only these algorithms are tried. */
  algorithms: string[];
  maxTokenAgeSeconds: number;
}

/** Signature, algorithm, issuer, audience, `exp`, `iat` and age: what every mode checks before reading claims. */
export async function verifiedPayload(token: string, keys: JWTVerifyGetKey, checks: TokenChecks): Promise<JWTPayload> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys, {
      issuer: checks.issuer,
      audience: checks.audience,
      algorithms: checks.algorithms,
      requiredClaims: ['exp', 'iat'],
    }));
  } catch (error) {
    // The issuer's key set did not answer: no statement about the token, so not a 401.
    // (jose throws its generic JOSEError only for a key set answer that is not 200 OK JSON.)
    if (!(error instanceof errors.JOSEError) || error instanceof errors.JWKSTimeout || error.code === 'ERR_JOSE_GENERIC') {
      throw new AuthUnavailable("the identity provider's signing keys could not be fetched");
    }
    throw new InvalidToken(error.message);
  }
  const refusal = refusalOfTokenTimes(payload, Math.floor(Date.now() / 1000), checks.maxTokenAgeSeconds);
  if (refusal) throw new InvalidToken(refusal);
  return payload;
}

const claims = z.object({
  sub: z.string().regex(/^[A-Z]\d{6}$/),
  roles: z.array(z.enum(ROLES)),
  offices: z.array(z.string().regex(/^\d{4}$/)),
});

/** Claims mode (and dev mode): the token itself names the caller's roles and offices. */
export function jwksTokenVerifier(keys: JWTVerifyGetKey, checks: TokenChecks): TokenVerifier {
  return {
    async verify(token) {
      const parsed = claims.safeParse(await verifiedPayload(token, keys, checks));
      if (!parsed.success) throw new InvalidToken('The token lacks sub, roles or offices in the expected form');
      return { navIdent: parsed.data.sub, roles: parsed.data.roles, offices: parsed.data.offices };
    },
  };
}

/** The asymmetric algorithms a gateway issuing custom-claims tokens may use. */
export const CLAIMS_ALGORITHMS = ['RS256', 'ES256'];

export const claimsTokenVerifier = (config: ClaimsAuthConfig): TokenVerifier =>
  jwksTokenVerifier(createRemoteJWKSet(new URL(config.jwksUrl)), { ...config, algorithms: CLAIMS_ALGORITHMS });

export const devTokenVerifier = (keys: DevKeys): TokenVerifier =>
  jwksTokenVerifier(createLocalJWKSet(keys.jwks), {
    issuer: keys.issuer,
    audience: keys.audience,
    algorithms: [DEV_KEY_ALGORITHM],
    maxTokenAgeSeconds: DEV_TOKEN_LIFETIME_SECONDS,
  });
