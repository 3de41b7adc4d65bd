import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export interface StubIssuer {
  issuer: string;
  jwksUrl: string;
  /** What the stub saw: the authorization requests and the token exchanges it accepted or refused. */
  authorizations: URLSearchParams[];
  exchanges: { accepted: boolean; reason?: string }[];
  close(): Promise<void>;
}

const base64Url = (buffer: Buffer) => buffer.toString('base64url');

/**
 * A minimal OIDC issuer for the production sign-in test: discovery, an authorization endpoint that
 * signs the user in at once (the claims are fixed), a token endpoint that checks the PKCE
 * verifier against the challenge (S256) and the redirect URI, and the JWKS the API verifies with.
 */
export async function startStubIssuer(
  claims: { sub: string; roles: string[]; offices: string[] },
  audience: string,
  clientId: string,
): Promise<StubIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'stub', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const authorizations: URLSearchParams[] = [];
  const exchanges: StubIssuer['exchanges'] = [];
  let issuer = '';

  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    response.end(JSON.stringify(body));
  };
  const body = async (request: IncomingMessage) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    return new URLSearchParams(text);
  };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(response, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
      });
    }
    if (url.pathname === '/jwks') return json(response, 200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      authorizations.push(q);
      if (
        q.get('client_id') !== clientId ||
        q.get('response_type') !== 'code' ||
        q.get('code_challenge_method') !== 'S256' ||
        !q.get('code_challenge')
      ) {
        return json(response, 400, { error: 'invalid_request' });
      }
      const code = randomUUID();
      codes.set(code, { challenge: q.get('code_challenge')!, redirectUri: q.get('redirect_uri')! });
      const back = new URL(q.get('redirect_uri')!);
      back.search = new URLSearchParams({ code, state: q.get('state') ?? '' }).toString();
      response.writeHead(302, { location: back.toString() });
      return response.end();
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      const form = await body(request);
      const pending = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const reason = !pending
        ? 'unknown or used code'
        : base64Url(createHash('sha256').update(verifier).digest()) !== pending.challenge
          ? 'verifier does not match the challenge'
          : form.get('redirect_uri') !== pending.redirectUri || form.get('client_id') !== clientId
            ? 'redirect_uri or client_id differs'
            : undefined;
      exchanges.push({ accepted: !reason, reason });
      if (reason) return json(response, 400, { error: 'invalid_grant', error_description: reason });
      const token = await new SignJWT({ roles: claims.roles, offices: claims.offices })
        .setProtectedHeader({ alg: 'RS256', kid: 'stub' })
        .setSubject(claims.sub)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey);
      return json(response, 200, { access_token: token, token_type: 'Bearer', expires_in: 600 });
    }
    json(response, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    authorizations,
    exchanges,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
