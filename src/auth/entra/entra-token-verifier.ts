import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { EntraAuthConfig } from '../../config/index.js';
import { ROLES, type Role } from '../caller.js';
import { InvalidToken, verifiedPayload, type TokenVerifier } from '../token-verifier.js';
import type { OfficeDirectory } from './graph-office-directory.js';

/** Entra ID signs access tokens with RS256 only. */
export const ENTRA_ALGORITHMS = ['RS256'];

const entraClaims = z.object({
  NAVident: z.string().regex(/^[A-Z]\d{6}$/),
  /** The person's object id in the tenant: the key for Graph, never shown or logged. */
  oid: z.guid(),
  groups: z.array(z.string().transform((id) => id.toLowerCase())).default([]),
});

/** Roles whose routes are held to the caller's offices; auditor and admin are national. */
const OFFICE_BOUND: readonly Role[] = ['advisor', 'manager'];

/**
 * AUTH_MODE=production. The token proves who the person is (`NAVident`) and which of the app's
 * groups they are in (`groups`, object ids); roles come from the configured groups, offices from
 * the directory, asked only when a role is held to offices. A valid person in none of the role
 * groups gets no roles: a known caller refused (403), not an unknown one.
 */
export function entraTokenVerifier(
  config: Pick<EntraAuthConfig, 'issuer' | 'audience' | 'roleGroups' | 'maxTokenAgeSeconds'>,
  keys: JWTVerifyGetKey,
  directory: OfficeDirectory,
): TokenVerifier {
  const checks = { ...config, algorithms: ENTRA_ALGORITHMS };
  return {
    async verify(token) {
      const parsed = entraClaims.safeParse(await verifiedPayload(token, keys, checks));
      if (!parsed.success) throw new InvalidToken('The token lacks NAVident or oid in the expected form');
      const { NAVident: navIdent, oid, groups } = parsed.data;
      const roles = ROLES.filter((role) => config.roleGroups[role].some((group) => groups.includes(group)));
      const offices = roles.some((role) => OFFICE_BOUND.includes(role)) ? await directory.officesOf(oid) : [];
      return { navIdent, roles, offices };
    },
  };
}

export const remoteEntraKeys = (config: EntraAuthConfig): JWTVerifyGetKey => createRemoteJWKSet(new URL(config.jwksUrl));
