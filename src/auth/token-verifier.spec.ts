import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { createDevKeys, type DevKeys } from './dev-keys.js';
import { devTokenVerifier, InvalidToken, jwksTokenVerifier, type TokenVerifier } from './token-verifier.js';

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
    verifier = jwksTokenVerifier(jwks, issuer, audience);
  });
  const sign = (claims: Record<string, unknown>, iss = issuer, aud = audience) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuer(iss).setAudience(aud).setExpirationTime('5m').sign(privateKey);
  const good = { sub: 'M123456', roles: ['manager'], offices: ['0314', '5001'] };

  it('accepts a token of the issuer for this audience', async () => {
    await expect(verifier.verify(await sign(good))).resolves.toEqual({ navIdent: 'M123456', roles: ['manager'], offices: ['0314', '5001'] });
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
