import { Controller, Get, type INestApplication, Param } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { ProblemDetailsFilter } from '../shared/http/problem-details.filter.js';
import { ACCESS_DECISION_LISTENER, type AccessDecision } from './access-decision.js';
import { Access } from './access.decorator.js';
import { AuthModule, type AuthOptions } from './auth.module.js';
import type { Caller } from './caller.js';
import { CurrentCaller } from './current-caller.decorator.js';
import { createDevKeys, type DevKeys } from './dev-keys.js';

@Controller('offices/:officeNumber/things')
class OfficeThingsController {
  @Get()
  @Access({ roles: ['manager', 'auditor'], office: 'param' })
  read(@Param('officeNumber') officeNumber: string, @CurrentCaller() caller: Caller) {
    return { officeNumber, navIdent: caller.navIdent };
  }
}

@Controller('admin/things')
class AdminThingsController {
  @Get()
  @Access({ roles: ['admin'] })
  read(@CurrentCaller() caller: Caller) {
    return caller;
  }
}

@Controller('unguarded')
class UnguardedController {
  @Get()
  read() {
    return { leaked: true };
  }
}

const decisions: AccessDecision[] = [];

async function appWith(auth: AuthOptions): Promise<INestApplication> {
  const module = await Test.createTestingModule({
    imports: [
      AuthModule.forRoot(auth, {
        provide: ACCESS_DECISION_LISTENER,
        useValue: { onDecision: (d: AccessDecision) => void decisions.push(d) },
      }),
    ],
    controllers: [OfficeThingsController, AdminThingsController, UnguardedController],
  }).compile();
  const app = module.createNestApplication();
  app.setGlobalPrefix('api/v1');
  app.useGlobalFilters(new ProblemDetailsFilter());
  await app.init();
  return app;
}

describe('identity and access (dev mode)', () => {
  let app: INestApplication;
  let keys: DevKeys;
  const things = '/api/v1/offices/0314/things';
  beforeAll(async () => {
    keys = await createDevKeys();
    app = await appWith({ mode: 'dev', devKeys: keys });
  });
  afterAll(async () => {
    await app.close();
  });
  const get = (path: string, token?: string) => {
    const r = request(app.getHttpServer()).get(path);
    return token ? r.set('authorization', `Bearer ${token}`) : r;
  };

  it("issues a dev token that opens the caller's own office (201, then 200)", async () => {
    const issued = await request(app.getHttpServer())
      .post('/api/v1/dev/token')
      .send({ navIdent: 'M123456', roles: ['manager'], offices: ['0314'] })
      .expect(201);
    const response = await get(things, issued.body.token).expect(200);
    expect(response.body).toEqual({ officeNumber: '0314', navIdent: 'M123456' });
  });

  it('refuses a dev token request with a bad body, listing each problem (400)', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/v1/dev/token')
      .send({ navIdent: 'nobody', roles: ['king'], offices: ['31'] })
      .expect(400);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['navIdent', 'offices.0', 'roles.0']);
  });

  it('refuses dev token requests whose ident or office only contains the right form, and one with no role (400)', async () => {
    const refused = async (body: object, path: string) => {
      const response = await request(app.getHttpServer()).post('/api/v1/dev/token').send(body).expect(400);
      expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    };
    const caller = { navIdent: 'M123456', roles: ['manager'], offices: ['0314'] };
    await refused({ ...caller, navIdent: 'xM123456' }, 'navIdent');
    await refused({ ...caller, navIdent: 'M1234567' }, 'navIdent');
    await refused({ ...caller, offices: ['x0314'] }, 'offices.0');
    await refused({ ...caller, offices: ['03145'] }, 'offices.0');
    await refused({ ...caller, roles: [] }, 'roles');
    await request(app.getHttpServer())
      .post('/api/v1/dev/token')
      .send({ ...caller, roles: ['manager', 'auditor'] })
      .expect(201);
  });

  it('takes the token only from an authorization header that starts with Bearer, and says why it refused (401)', async () => {
    const token = await keys.sign({ navIdent: 'M123456', roles: ['manager'], offices: ['0314'] });
    const prefixed = await request(app.getHttpServer()).get(things).set('authorization', `NotBearer ${token}`).expect(401);
    expect(prefixed.body.detail).toBe('A bearer token is required');
    const invalid = await get(things, 'not.a.jwt').expect(401);
    expect(invalid.body.detail).toBe('The bearer token is not valid');
  });

  it('logs no office for a route parameter that is not four digits, such as a personal id number', async () => {
    decisions.length = 0;
    const token = await keys.sign({ navIdent: 'M123456', roles: ['manager'], offices: ['0314'] });
    for (const param of ['13097248022', '03141', 'x0314']) await get(`/api/v1/offices/${param}/things`, token).expect(403);
    expect(decisions.map((d) => d.officeNumber)).toEqual([undefined, undefined, undefined]);
    expect(decisions.map((d) => d.route)).toEqual(Array(3).fill('/api/v1/offices/:officeNumber/things'));
  });

  it('answers 401 problem+json without a token, with a bad signature, and with an expired token', async () => {
    const none = await get(things).expect(401);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.body).toMatchObject({ status: 401, code: 'AUTH.UNAUTHENTICATED', type: expect.any(String), title: expect.any(String) });
    const otherKeys = await createDevKeys();
    await get(things, await otherKeys.sign({ navIdent: 'M123456', roles: ['manager'], offices: ['0314'] })).expect(401);
    await get(things, await keys.sign({ navIdent: 'M123456', roles: ['manager'], offices: ['0314'] }, '-1s')).expect(401);
  });

  it('answers 403 for another office and for a role without access', async () => {
    const otherOffice = await get(things, await keys.sign({ navIdent: 'M123456', roles: ['manager'], offices: ['5001'] })).expect(403);
    expect(otherOffice.headers['content-type']).toContain('application/problem+json');
    expect(otherOffice.body).toMatchObject({ status: 403, code: 'AUTH.FORBIDDEN', detail: 'not a member of office 0314' });
    await get(things, await keys.sign({ navIdent: 'Z123456', roles: ['advisor'], offices: ['0314'] })).expect(403);
  });

  it('lets an auditor read any office', async () => {
    await get(things, await keys.sign({ navIdent: 'A123456', roles: ['auditor'], offices: [] })).expect(200);
  });

  it('opens an admin route to an admin of no office, and gives the route the caller', async () => {
    const admin = { navIdent: 'X123456', roles: ['admin' as const], offices: [] };
    const response = await get('/api/v1/admin/things', await keys.sign(admin)).expect(200);
    expect(response.body).toEqual(admin);
    await get('/api/v1/admin/things', await keys.sign({ navIdent: 'A123456', roles: ['auditor', 'manager'], offices: ['0314'] })).expect(
      403,
    );
  });

  it('closes a route that does not say who may call it, even to a valid token (403)', async () => {
    await get('/api/v1/unguarded', await keys.sign({ navIdent: 'X123456', roles: ['admin'], offices: ['0314'] })).expect(403);
  });

  it('reports each decision, allowed or denied, with the reason', async () => {
    decisions.length = 0;
    await get(things).expect(401);
    await get(things, await keys.sign({ navIdent: 'M123456', roles: ['manager'], offices: ['5001'] })).expect(403);
    expect(decisions).toEqual([
      expect.objectContaining({ allowed: false, officeNumber: '0314', reason: 'no bearer token' }),
      expect.objectContaining({ allowed: false, navIdent: 'M123456', reason: 'not a member of office 0314' }),
    ]);
  });
});

describe('identity and access (claims mode)', () => {
  let app: INestApplication;
  let jwksServer: Server;
  let sign: (claims: { sub: string; roles: string[]; offices: string[] }, issuer?: string, audience?: string) => Promise<string>;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] };
    jwksServer = createServer((_, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify(jwks)));
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks`;
    sign = (claims, issuer = 'https://issuer.test', audience = 'tracker') =>
      new SignJWT({ roles: claims.roles, offices: claims.offices })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject(claims.sub)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
    app = await appWith({ mode: 'claims', issuer: 'https://issuer.test', audience: 'tracker', jwksUrl, maxTokenAgeSeconds: 3600 });
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => jwksServer.close(resolve));
  });

  it("verifies tokens against the issuer's JWKS", async () => {
    const token = await sign({ sub: 'M123456', roles: ['manager'], offices: ['0314'] });
    await request(app.getHttpServer()).get('/api/v1/offices/0314/things').set('authorization', `Bearer ${token}`).expect(200);
  });

  it('refuses a token from another issuer or for another audience (401)', async () => {
    const claims = { sub: 'M123456', roles: ['manager'], offices: ['0314'] };
    for (const token of [await sign(claims, 'https://evil.test'), await sign(claims, undefined, 'someone-else')]) {
      await request(app.getHttpServer()).get('/api/v1/offices/0314/things').set('authorization', `Bearer ${token}`).expect(401);
    }
  });

  it('has no dev token route (404)', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/v1/dev/token')
      .send({ navIdent: 'M123456', roles: ['admin'], offices: [] })
      .expect(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 404, code: 'ROUTE.NOT_FOUND' });
  });
});
