import { SignJWT, exportJWK, generateKeyPair, type JSONWebKeySet, type CryptoKey } from 'jose';
import type { Caller } from './caller.js';

/** Dev mode only: a key pair made at start, standing in for the organisation's OIDC issuer. */
export interface DevKeys {
  issuer: string;
  audience: string;
  jwks: JSONWebKeySet;
  sign(caller: Caller, expiresIn?: string): Promise<string>;
}

export async function createDevKeys(): Promise<DevKeys> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = 'dev-1';
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] };
  const issuer = 'urn:employer-contact-tracker:dev';
  const audience = 'employer-contact-tracker';
  return {
    issuer,
    audience,
    jwks,
    sign: (caller, expiresIn = '8h') => signWith(privateKey, kid, issuer, audience, caller, expiresIn),
  };
}

export const signWith = (
  key: CryptoKey,
  kid: string,
  issuer: string,
  audience: string,
  caller: Caller,
  expiresIn: string,
): Promise<string> =>
  new SignJWT({ roles: caller.roles, offices: caller.offices })
    .setProtectedHeader({ alg: 'ES256', kid })
    .setSubject(caller.navIdent)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key);
