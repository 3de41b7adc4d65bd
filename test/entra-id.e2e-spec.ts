import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { createApp } from '../src/bootstrap/create-app.js';
import { loadConfig, type EntraAuthConfig } from '../src/config/index.js';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { startStubGraph, startStubIssuer, type EntraClaims } from './entra-stubs.js';
import { ORG, recently } from './fixtures.js';

const CLIENT_ID = '8a1d32b5-6d40-4c5a-a0f4-3b1a8a6c2f10';
const CLIENT_SECRET = 'stub-client-secret';
const ISSUER = 'https://login.microsoftonline.com/62366534-1ec3-4962-8869-9b5535279d0b/v2.0';
const GROUP = {
  advisor: 'a0000000-0000-4000-8000-000000000001',
  manager: 'a0000000-0000-4000-8000-000000000002',
  auditor: 'a0000000-0000-4000-8000-000000000003',
  admin: 'a0000000-0000-4000-8000-000000000004',
  /** A group the app is assigned to that grants no role here. */
  other: 'a0000000-0000-4000-8000-000000000099',
};

/** Production mode (Entra ID) over real HTTP: a stub tenant signs tokens, a stub Graph knows the offices. */
describe('production sign-in with Entra ID', () => {
  let issuer: Awaited<ReturnType<typeof startStubIssuer>>;
  let graph: Awaited<ReturnType<typeof startStubGraph>>;
  let db: TestDatabase;
  let app: INestApplication;
  let sql: pg.Client;

  beforeAll(async () => {
    issuer = await startStubIssuer(ISSUER);
    graph = await startStubGraph({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    db = await createTestDatabase('entra');
    const config = loadConfig({
      AUTH_MODE: 'production',
      AZURE_APP_CLIENT_ID: CLIENT_ID,
      AZURE_APP_CLIENT_SECRET: CLIENT_SECRET,
      AZURE_APP_TENANT_ID: '62366534-1ec3-4962-8869-9b5535279d0b',
      AZURE_OPENID_CONFIG_JWKS_URI: issuer.jwksUrl,
      AZURE_OPENID_CONFIG_TOKEN_ENDPOINT: graph.tokenUrl,
      GRAPH_BASE_URL: graph.baseUrl,
      // Generous: a loaded CI machine must not turn a normal Graph answer into a timeout; the slow case waits 3× as long.
      GRAPH_TIMEOUT_MS: '2000',
      ROLE_GROUPS_ADVISOR: GROUP.advisor,
      ROLE_GROUPS_MANAGER: GROUP.manager,
      ROLE_GROUPS_AUDITOR: GROUP.auditor,
      ROLE_GROUPS_ADMIN: GROUP.admin,
      CLIENT_REF_SECRET: 'test-secret-of-at-least-thirty-two-characters',
      LOG_LEVEL: 'silent',
    });
    const auth = config.auth as EntraAuthConfig;
    expect(auth.mode).toBe('production');
    app = await createApp({ config: { ...config, databaseUrl: db.url, clientRefSecret: config.clientRefSecret! }, auth });
    await app.init();
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await app.close();
    await db.drop();
    await graph.close();
    await issuer.close();
  });

  /** A person of the tenant: a fresh object id each, so no test sees another's cached offices. */
  const person = (navIdent: string, groups: string[], offices: string[][] = [[]]): EntraClaims => {
    const oid = randomUUID();
    graph.memberships.set(oid, { pages: offices.map((page) => page.map((office) => `0000-GA-ENHET_${office}`)) });
    return { NAVident: navIdent, oid, groups };
  };
  const get = async (path: string, claims: EntraClaims, audience = CLIENT_ID) =>
    request(app.getHttpServer())
      .get(path)
      .set('authorization', `Bearer ${await issuer.tokenFor(claims, audience)}`);
  const recordContact = async (office: string, claims: EntraClaims) =>
    request(app.getHttpServer())
      .post(`/api/v1/offices/${office}/employer-contacts`)
      .set('authorization', `Bearer ${await issuer.tokenFor(claims, CLIENT_ID)}`)
      .send({ orgNumber: ORG.builder, channel: 'PHONE', theme: 'RECRUITMENT', occurredAt: recently() });
  const callsFor = (claims: EntraClaims) => graph.memberOfCalls.filter((oid) => oid === claims.oid).length;
  const metric = async (series: string) => {
    const text = (await request(app.getHttpServer()).get('/metrics').expect(200)).text;
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line ? Number(line.split(' ')[1]) : 0;
  };

  it('lets an advisor record a contact at the office of their 0000-GA-ENHET group, and at no other', async () => {
    const advisor = person('Z990001', [GROUP.advisor, GROUP.other], [['0314']]);
    expect((await recordContact('0314', advisor)).status).toBe(201);
    const elsewhere = await recordContact('5001', advisor);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body).toMatchObject({ status: 403, code: 'AUTH.FORBIDDEN', detail: 'not a member of office 5001' });
  });

  it('lets a manager of two offices read both, and no third', async () => {
    const manager = person('M990002', [GROUP.manager], [['0314', '5001']]);
    expect((await get('/api/v1/offices/0314/engagement', manager)).status).toBe(200);
    expect((await get('/api/v1/offices/5001/engagement', manager)).status).toBe(200);
    expect((await get('/api/v1/offices/1201/engagement', manager)).status).toBe(403);
  });

  it('lets an auditor read any office and the access log without any office group, and does not ask Graph', async () => {
    const auditor = person('A990003', [GROUP.auditor]);
    expect((await get('/api/v1/offices/1201/engagement', auditor)).status).toBe(200);
    expect((await get('/api/v1/access-log', auditor)).status).toBe(200);
    expect(callsFor(auditor)).toBe(0);
  });

  it('refuses a valid token without NAVident (401), and does not ask Graph', async () => {
    const nobody = person('Z990004', [GROUP.manager], [['0314']]);
    const response = await get('/api/v1/offices/0314/engagement', { oid: nobody.oid, groups: nobody.groups });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ status: 401, code: 'AUTH.UNAUTHENTICATED' });
    expect(callsFor(nobody)).toBe(0);
  });

  it('refuses a person whose groups map to no role (403)', async () => {
    const stranger = person('Z990005', [GROUP.other], [['0314']]);
    const response = await get('/api/v1/offices/0314/engagement', stranger);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'AUTH.FORBIDDEN', detail: 'needs one of the roles manager, auditor' });
  });

  it('refuses a token for another audience (401)', async () => {
    const manager = person('M990006', [GROUP.manager], [['0314']]);
    expect((await get('/api/v1/offices/0314/engagement', manager, 'a0000000-0000-4000-8000-0000000000aa')).status).toBe(401);
    expect((await get('/api/v1/offices/0314/engagement', manager, `api://${CLIENT_ID}`)).status).toBe(401);
  });

  it('refuses a token of another algorithm, without exp, with an iat ahead of the clock, or older than the cap (401)', async () => {
    const manager = person('M990012', [GROUP.manager], [['0314']]);
    const engagement = '/api/v1/offices/0314/engagement';
    const withToken = async (token: string) =>
      (await request(app.getHttpServer()).get(engagement).set('authorization', `Bearer ${token}`)).status;
    expect(await withToken(await issuer.tokenFor(manager, CLIENT_ID))).toBe(200);
    expect(await withToken(await issuer.tokenFor(manager, CLIENT_ID, { alg: 'PS256' }))).toBe(401);
    expect(await withToken(await issuer.tokenFor(manager, CLIENT_ID, { alg: 'RS512' }))).toBe(401);
    expect(await withToken(await issuer.tokenFor(manager, CLIENT_ID, { exp: null }))).toBe(401);
    expect(await withToken(await issuer.tokenFor(manager, CLIENT_ID, { iat: 600, exp: 4200 }))).toBe(401);
    expect(await withToken(await issuer.tokenFor(manager, CLIENT_ID, { iat: -3 * 3600, exp: 3600 }))).toBe(401);
  });

  it('fails closed with 503 and Retry-After when Graph is slower than the timeout, and counts it', async () => {
    const manager = person('M990007', [GROUP.manager]);
    graph.memberships.set(manager.oid, { delayMs: 6000, pages: [['0000-GA-ENHET_0314']] });
    const failedBefore = await metric('auth_office_lookups_total{outcome="failed"}');
    const response = await get('/api/v1/offices/0314/engagement', manager);
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBeDefined();
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 503, code: 'AUTH.UNAVAILABLE', detail: 'Microsoft Graph did not answer within 2000 ms' });
    expect(await metric('auth_office_lookups_total{outcome="failed"}')).toBe(failedBefore + 1);
  });

  it('fails closed with 503 when Graph answers 500, and asks again on the next request', async () => {
    const manager = person('M990008', [GROUP.manager]);
    graph.memberships.set(manager.oid, { status: 500 });
    const response = await get('/api/v1/offices/0314/engagement', manager);
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ code: 'AUTH.UNAVAILABLE', detail: 'Microsoft Graph answered 500' });
    graph.memberships.set(manager.oid, { pages: [['0000-GA-ENHET_0314']] });
    expect((await get('/api/v1/offices/0314/engagement', manager)).status).toBe(200);
    expect(callsFor(manager)).toBe(2);
  });

  it('follows @odata.nextLink through every page of groups', async () => {
    const manager = person('M990009', [GROUP.manager]);
    graph.memberships.set(manager.oid, { pages: [['Team Oslo', '0000-GA-ENHET_not-an-office'], [], ['0000-GA-ENHET_4601']] });
    expect((await get('/api/v1/offices/4601/engagement', manager)).status).toBe(200);
    expect(callsFor(manager)).toBe(3);
    expect((await get('/api/v1/offices/0314/engagement', manager)).status).toBe(403);
  });

  it("keeps a person's offices for the TTL: a second request does not call Graph, nor fetch another app token", async () => {
    const manager = person('M990010', [GROUP.manager], [['0314']]);
    const cachedBefore = await metric('auth_office_lookups_total{outcome="cached"}');
    expect((await get('/api/v1/offices/0314/engagement', manager)).status).toBe(200);
    const tokens = graph.tokenRequests();
    expect((await get('/api/v1/offices/0314/outcomes', manager)).status).toBe(200);
    expect(callsFor(manager)).toBe(1);
    expect(graph.tokenRequests()).toBe(tokens);
    expect(tokens).toBe(1);
    expect(await metric('auth_office_lookups_total{outcome="cached"}')).toBe(cachedBefore + 1);
  });

  it('writes the NAV ident to the access log, never the Entra object id', async () => {
    const manager = person('M990011', [GROUP.manager], [['0314']]);
    expect((await get('/api/v1/offices/0314/history', manager)).status).toBe(200);
    expect((await get('/api/v1/offices/5001/history', manager)).status).toBe(403);
    const { rows } = await sql.query('SELECT nav_ident, allowed, route FROM access_log WHERE nav_ident = $1 ORDER BY id', ['M990011']);
    expect(rows).toEqual([
      { nav_ident: 'M990011', allowed: true, route: '/api/v1/offices/:officeNumber/history' },
      { nav_ident: 'M990011', allowed: false, route: '/api/v1/offices/:officeNumber/history' },
    ]);
    const oids = [...new Set(graph.memberOfCalls)];
    const leaks = await sql.query(`SELECT id FROM access_log WHERE access_log::text ILIKE ANY($1)`, [oids.map((oid) => `%${oid}%`)]);
    expect(leaks.rows).toEqual([]);
    // The 401s of this suite (no NAVident, another audience) have no one to name: not in the log at all.
    expect((await sql.query('SELECT id FROM access_log WHERE nav_ident IS NULL')).rows).toEqual([]);
  });
});
