import { SignJWT, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';
import type { Caller } from './caller.js';

export const DEV_KEY_ALGORITHM = 'ES256';
/** A dev token lasts a working day; the dev verifier caps a token's age at the same. */
export const DEV_TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;

/** Dev mode only: a key pair of our own, standing in for the organisation's identity provider. */
export interface DevKeys {
  issuer: string;
  audience: string;
  jwks: JSONWebKeySet;
  sign(caller: Caller, expiresIn?: string): Promise<string>;
}

/** A fresh private signing key as a JWK, the form in which it is kept (DATA_DIR or the database). */
export async function newDevSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(DEV_KEY_ALGORITHM, { extractable: true });
  return exportJWK(privateKey);
}

/** The dev keys of a kept private key: every process holding the same JWK signs and accepts the same tokens. */
export async function devKeysFrom(privateJwk: JWK): Promise<DevKeys> {
  const privateKey = (await importJWK(privateJwk, DEV_KEY_ALGORITHM)) as CryptoKey;
  const { kty, crv, x, y } = privateJwk;
  const publicJwk = { kty, crv, x, y };
  // Named after the key itself, so a token signed with another dev key is told apart by its header.
  const kid = await calculateJwkThumbprint(publicJwk);
  const issuer = 'urn:employer-contact-tracker:dev';
  const audience = 'employer-contact-tracker';
  return {
    issuer,
    audience,
    jwks: { keys: [{ ...publicJwk, kid, alg: DEV_KEY_ALGORITHM, use: 'sig' }] },
    sign: (caller, expiresIn = `${DEV_TOKEN_LIFETIME_SECONDS}s`) => signWith(privateKey, kid, issuer, audience, caller, expiresIn),
  };
}

/** Keys of a process's own, kept nowhere (tests). */
export const createDevKeys = async (): Promise<DevKeys> => devKeysFrom(await newDevSigningKey());

const signWith = (key: CryptoKey, kid: string, issuer: string, audience: string, caller: Caller, expiresIn: string): Promise<string> =>
  new SignJWT({ roles: caller.roles, offices: caller.offices })
    .setProtectedHeader({ alg: DEV_KEY_ALGORITHM, kid })
    .setSubject(caller.navIdent)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key);
