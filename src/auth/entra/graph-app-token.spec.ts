import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, type JWK } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthUnavailable } from '../auth-unavailable.error.js';
import { GraphAppToken } from './graph-app-token.js';

/** A token endpoint on loopback that records each form it is sent and answers as told. */
describe("the app's own token for Graph (client credentials)", () => {
  let server: Server;
  let tokenUrl: string;
  const forms: URLSearchParams[] = [];
  let status = 200;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        forms.push(new URLSearchParams(body));
        const answer = { access_token: `t${forms.length}`, expires_in: 3600 };
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tenant/oauth2/v2.0/token`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    forms.length = 0;
    status = 200;
  });
  const signal = () => AbortSignal.timeout(2000);
  const scope = 'https://graph.microsoft.com/.default';

  it('signs in with the client secret and keeps the token until a minute before it expires', async () => {
    let clock = 0;
    const token = new GraphAppToken({ tokenUrl, clientId: 'app', clientSecret: 's3cret', scope }, () => clock);
    expect(await token.get(signal())).toBe('t1');
    expect(Object.fromEntries(forms[0]!)).toEqual({ grant_type: 'client_credentials', client_id: 'app', scope, client_secret: 's3cret' });
    clock = 3539_000;
    expect(await token.get(signal())).toBe('t1');
    clock = 3540_000;
    expect(await token.get(signal())).toBe('t2');
  });

  it('signs in with a client assertion signed by its private JWK, sending no secret', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const clientJwk: JWK = { ...(await exportJWK(privateKey)), kid: 'app-key-1' };
    const token = new GraphAppToken({ tokenUrl, clientId: 'app', clientJwk, clientSecret: 'ignored', scope });
    await token.get(signal());
    const form = forms[0]!;
    expect(form.get('client_secret')).toBeNull();
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'app-key-1' }] });
    const expected = { issuer: 'app', subject: 'app', audience: tokenUrl, algorithms: ['RS256'] };
    const { payload } = await jwtVerify(form.get('client_assertion')!, keys, expected);
    expect(payload).toMatchObject({ jti: expect.any(String), exp: expect.any(Number) });
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(120);
  });

  it('is AuthUnavailable when the token endpoint refuses, and asks again next time', async () => {
    const token = new GraphAppToken({ tokenUrl, clientId: 'app', clientSecret: 'wrong', scope });
    status = 401;
    await expect(token.get(signal())).rejects.toThrow(new AuthUnavailable('the token endpoint answered 401'));
    status = 200;
    expect(await token.get(signal())).toBe('t2');
  });
});
