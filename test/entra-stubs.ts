import { SignJWT, exportJWK, generateKeyPair, importJWK, type CryptoKey } from 'jose';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server on a free loopback port, its base URL, and a close that also ends hanging requests. */
async function listen(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

export interface EntraClaims {
  NAVident?: string;
  oid: string;
  groups?: string[];
}

/** Stands in for an Entra ID tenant's signing side: RS256 tokens, and the JWKS served over HTTP. */
export async function startStubIssuer(issuer: string) {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const kid = 'stub-entra-key';
  // As Entra ID publishes them: RSA keys without an `alg`, so only the verifier's list limits the algorithm.
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, use: 'sig', kty: 'RSA' }] };
  const server = await listen((_, res) => json(res, 200, jwks));
  /**
   * An access token shaped as Entra ID issues them (v2.0), for `audience`. `forge` bends it: another
   * algorithm with the same key, other times (seconds from now), or no `exp`.
   */
  const tokenFor = async (claims: EntraClaims, audience: string, forge: { alg?: string; iat?: number; exp?: number | null } = {}) => {
    const alg = forge.alg ?? 'RS256';
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT({ ...claims, tid: 'stub-tenant', ver: '2.0', azp: randomUUID(), name: 'Test Person', scp: 'access_as_user' })
      .setProtectedHeader({ alg, typ: 'JWT', kid })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(`pairwise-${randomUUID()}`)
      .setIssuedAt(now + (forge.iat ?? 0))
      .setNotBefore(now + Math.min(0, forge.iat ?? 0));
    if (forge.exp !== null) jwt.setExpirationTime(now + (forge.exp ?? 3600));
    return jwt.sign((await importJWK(privateJwk, alg)) as CryptoKey);
  };
  return { jwksUrl: `${server.url}/discovery/v2.0/keys`, tokenFor, close: server.close };
}

/** How the stub Graph answers one person's memberOf: pages of group names, or trouble. */
export type Membership = { pages: string[][] } | { status: number } | { delayMs: number; pages: string[][] };

/**
 * Stands in for Microsoft Graph and the tenant's token endpoint: client-credentials tokens for
 * the expected app only, and `/users/{oid}/memberOf` in pages linked by `@odata.nextLink`.
 */
export async function startStubGraph(app: { clientId: string; clientSecret: string }) {
  const memberships = new Map<string, Membership>();
  const memberOfCalls: string[] = [];
  let tokenRequests = 0;
  const appToken = `graph-app-token-${randomUUID()}`;
  let base = '';
  const server = await listen((req, res) => {
    const url = new URL(req.url ?? '/', base);
    if (req.method === 'POST' && url.pathname === '/tenant/oauth2/v2.0/token') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        tokenRequests++;
        const form = new URLSearchParams(body);
        const { clientId: client_id, clientSecret: client_secret } = app;
        const expected = { grant_type: 'client_credentials', client_id, client_secret, scope: `${base}/.default` };
        if (Object.entries(expected).some(([name, value]) => form.get(name) !== value)) return json(res, 401, { error: 'invalid_client' });
        json(res, 200, { token_type: 'Bearer', expires_in: 3599, access_token: appToken });
      });
      return;
    }
    const match = /^\/v1\.0\/users\/([^/]+)\/memberOf$/.exec(url.pathname);
    if (req.method !== 'GET' || !match) return json(res, 404, { error: { code: 'Request_ResourceNotFound' } });
    if (req.headers.authorization !== `Bearer ${appToken}`) return json(res, 401, { error: { code: 'InvalidAuthenticationToken' } });
    const oid = decodeURIComponent(match[1]!);
    memberOfCalls.push(oid);
    const membership = memberships.get(oid) ?? { pages: [[]] };
    if ('status' in membership) return json(res, membership.status, { error: { code: 'generalException' } });
    const answer = () => {
      const pageNo = Number(url.searchParams.get('$skiptoken') ?? 0);
      const names = membership.pages[pageNo] ?? [];
      const value = names.map((displayName) => ({ '@odata.type': '#microsoft.graph.group', id: randomUUID(), displayName }));
      const more = pageNo + 1 < membership.pages.length;
      const next = more ? `${base}/v1.0/users/${oid}/memberOf?$select=id,displayName&$skiptoken=${pageNo + 1}` : undefined;
      json(res, 200, { '@odata.context': `${base}/v1.0/$metadata#directoryObjects`, value, ...(next ? { '@odata.nextLink': next } : {}) });
    };
    if ('delayMs' in membership) setTimeout(answer, membership.delayMs);
    else answer();
  });
  base = server.url;
  return {
    baseUrl: `${base}/v1.0`,
    tokenUrl: `${base}/tenant/oauth2/v2.0/token`,
    memberships,
    /** The oids whose memberOf was read, one entry per page requested. */
    memberOfCalls,
    tokenRequests: () => tokenRequests,
    close: server.close,
  };
}
