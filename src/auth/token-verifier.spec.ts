import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthUnavailable } from './auth-unavailable.error.js';
import { createDevKeys, type DevKeys } from './dev-keys.js';
import { claimsTokenVerifier, devTokenVerifier, InvalidToken, jwksTokenVerifier, type TokenVerifier } from './token-verifier.js';

describe('bearer token verification with the dev key pair', () => {
  let keys: DevKeys;
  let verifier: TokenVerifier;
  beforeAll(async () => {
    keys = await createDevKeys();
    verifier = devTokenVerifier(keys);
  });

  it('reads the caller from a token signed with the dev key', async () => {
    const token = await keys.sign({ navIdent: 'Z123456', roles: ['advisor', 'manager'], offices: ['0314'] });
    await expect(verifier.verify(token)).resolves.toEqual({ navIdent: 'Z123456', roles: ['advisor', 'manager'], offices: ['0314'] });
  });

  it('refuses a token signed with another key', async () => {
    const token = await (await createDevKeys()).sign({ navIdent: 'Z123456', roles: ['advisor'], offices: ['0314'] });
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('refuses an expired token', async () => {
    const token = await keys.sign({ navIdent: 'Z123456', roles: ['advisor'], offices: ['0314'] }, '-1s');
    await expect(verifier.verify(token)).rejects.toThrow(/"exp" claim/);
  });

  it('refuses something that is not a JWT', async () => {
    await expect(verifier.verify('not.a.jwt')).rejects.toBeInstanceOf(InvalidToken);
  });
});

describe('bearer token verification against a JWKS', () => {
  const issuer = 'https://issuer.test';
  const audience = 'tracker';
  let privateKey: CryptoKey;
  let verifier: TokenVerifier;
  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' }] });
    verifier = jwksTokenVerifier(jwks, { issuer, audience, algorithms: ['ES256'], maxTokenAgeSeconds: 3600 });
  });
  const sign = (claims: Record<string, unknown>, iss = issuer, aud = audience) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(iss)
      .setAudience(aud)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  const good = { sub: 'M123456', roles: ['manager'], offices: ['0314', '5001'] };

  it('accepts a token of the issuer for this audience', async () => {
    await expect(verifier.verify(await sign(good))).resolves.toEqual({
      navIdent: 'M123456',
      roles: ['manager'],
      offices: ['0314', '5001'],
    });
  });

  it('refuses a token of another issuer or for another audience', async () => {
    await expect(verifier.verify(await sign(good, 'https://evil.test'))).rejects.toThrow(/"iss" claim/);
    await expect(verifier.verify(await sign(good, issuer, 'someone-else'))).rejects.toThrow(/"aud" claim/);
  });

  it.each([
    ['a subject that is not a NAV-ident', { ...good, sub: 'someone' }],
    ['an unknown role', { ...good, roles: ['king'] }],
    ['an office that is not four digits', { ...good, offices: ['314'] }],
    ['a subject that only ends like a NAV-ident', { ...good, sub: 'xM123456' }],
    ['a subject that only starts like a NAV-ident', { ...good, sub: 'M1234567' }],
    ['an office that only ends in four digits', { ...good, offices: ['13097248022'] }],
    ['an office that only starts with four digits', { ...good, offices: ['03141'] }],
    ['no offices claim', { sub: good.sub, roles: good.roles }],
  ])('refuses a correctly signed token with %s', async (_, claims) => {
    await expect(verifier.verify(await sign(claims))).rejects.toThrow('The token lacks sub, roles or offices in the expected form');
  });
});

describe('token times and algorithms (every verifier)', () => {
  const issuer = 'https://issuer.test';
  const audience = 'tracker';
  const good = { sub: 'M123456', roles: ['manager'], offices: ['0314'] };
  const now = () => Math.floor(Date.now() / 1000);
  let rsaKey: JWK;
  let verifier: TokenVerifier;
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    rsaKey = await exportJWK(pair.privateKey);
    // No `alg` on the key: only the verifier's list stands between a token's header and the key.
    const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'r1' }] });
    verifier = jwksTokenVerifier(jwks, { issuer, audience, algorithms: ['RS256'], maxTokenAgeSeconds: 3600 });
  });
  // The same RSA key, used with whichever algorithm the test names.
  const sign = async (times: JWTPayload, alg = 'RS256') =>
    new SignJWT({ ...good, ...times })
      .setProtectedHeader({ alg, kid: 'r1' })
      .setIssuer(issuer)
      .setAudience(audience)
      .sign((await importJWK(rsaKey, alg)) as CryptoKey);

  it('accepts a token issued now that expires in 5 minutes, and one whose iat is a few seconds ahead (clock skew)', async () => {
    await expect(verifier.verify(await sign({ iat: now(), exp: now() + 300 }))).resolves.toMatchObject({ navIdent: 'M123456' });
    await expect(verifier.verify(await sign({ iat: now() + 30, exp: now() + 300 }))).resolves.toMatchObject({ navIdent: 'M123456' });
  });

  it('refuses a token without exp', async () => {
    await expect(verifier.verify(await sign({ iat: now() }))).rejects.toThrow(/"exp" claim/);
  });

  it('refuses a token without iat', async () => {
    await expect(verifier.verify(await sign({ exp: now() + 300 }))).rejects.toThrow(/"iat" claim/);
  });

  it('refuses a token whose iat lies in the future beyond the clock skew', async () => {
    await expect(verifier.verify(await sign({ iat: now() + 600, exp: now() + 900 }))).rejects.toThrow('"iat" claim lies in the future');
  });

  it('refuses a token older than the cap even though it has not expired', async () => {
    const issuedLongAgo = await sign({ iat: now() - 7200, exp: now() + 86_400 * 365 });
    await expect(verifier.verify(issuedLongAgo)).rejects.toThrow('the token is older than 3600 s');
  });

  it('refuses a token signed with the right key but an algorithm not listed', async () => {
    await expect(verifier.verify(await sign({ iat: now(), exp: now() + 300 }, 'PS256'))).rejects.toBeInstanceOf(InvalidToken);
    await expect(verifier.verify(await sign({ iat: now(), exp: now() + 300 }, 'RS512'))).rejects.toThrow(/alg/);
  });

  it('refuses an unsigned (alg none) copy of a dev token', async () => {
    const keys = await createDevKeys();
    const dev = devTokenVerifier(keys);
    const token = await keys.sign({ navIdent: 'Z123456', roles: ['advisor'], offices: ['0314'] });
    await expect(dev.verify(token)).resolves.toMatchObject({ navIdent: 'Z123456' });
    const [, payload] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload}.`;
    await expect(dev.verify(forged)).rejects.toBeInstanceOf(InvalidToken);
  });
});

describe('an issuer whose key set does not answer', () => {
  it('makes the token neither valid nor invalid: AuthUnavailable (503), whether the key set answers 500 or nothing', async () => {
    const server = createServer((_, res) => res.writeHead(500).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    const checks = { mode: 'claims' as const, issuer: 'https://issuer.test', audience: 'tracker', jwksUrl, maxTokenAgeSeconds: 3600 };
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({ sub: 'M123456', roles: ['manager'], offices: ['0314'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(checks.issuer)
      .setAudience(checks.audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(claimsTokenVerifier(checks).verify(token)).rejects.toBeInstanceOf(AuthUnavailable);
    await new Promise((resolve) => server.close(resolve));
    await expect(claimsTokenVerifier(checks).verify(token)).rejects.toBeInstanceOf(AuthUnavailable);
  });
});
