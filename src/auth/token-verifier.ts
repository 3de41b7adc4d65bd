import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { ROLES, type Caller } from './caller.js';
import type { DevKeys } from './dev-keys.js';

export class InvalidToken extends Error {
  override readonly name = 'InvalidToken';
}

const claims = z.object({
  sub: z.string().regex(/^[A-Z]\d{6}$/),
  roles: z.array(z.enum(ROLES)),
  offices: z.array(z.string().regex(/^\d{4}$/)),
});

export interface TokenVerifier {
  verify(token: string): Promise<Caller>;
}

/** Checks signature, expiry, issuer and audience, then the claims we rely on. */
export function jwksTokenVerifier(keys: JWTVerifyGetKey, issuer: string, audience: string): TokenVerifier {
  return {
    async verify(token) {
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, keys, { issuer, audience }));
      } catch (error) {
        throw new InvalidToken((error as Error).message);
      }
      const parsed = claims.safeParse(payload);
      if (!parsed.success) throw new InvalidToken('The token lacks sub, roles or offices in the expected form');
      return { navIdent: parsed.data.sub, roles: parsed.data.roles, offices: parsed.data.offices };
    },
  };
}

export const productionTokenVerifier = (jwksUrl: string, issuer: string, audience: string): TokenVerifier =>
  jwksTokenVerifier(createRemoteJWKSet(new URL(jwksUrl)), issuer, audience);

export const devTokenVerifier = (keys: DevKeys): TokenVerifier =>
  jwksTokenVerifier(createLocalJWKSet(keys.jwks), keys.issuer, keys.audience);
