import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import request from 'supertest';
import { withDatabase } from '../libs/database/src/index.js';
import { startStoppablePostgres, type StoppablePostgres } from '../libs/testing/src/stoppable-postgres.js';
import { createDevKeys, type DevKeys } from '../src/auth/dev-keys.js';
import { createApp } from '../src/bootstrap/create-app.js';
import { loadConfig, type RuntimeConfig } from '../src/config/index.js';
import { advisor, manager, ORG, recently } from './fixtures.js';

/**
 * PostgreSQL stops under the running app (`pg_ctl stop -m immediate`) and comes back: meanwhile
 * commands, views and admin routes answer 503 with Retry-After, never 500, and the process stays
 * up; afterwards commands succeed again and the views catch up, with no one stepping in.
 */
describe('a database outage under the running app', () => {
  let server: StoppablePostgres;
  let app: INestApplication;
  let devKeys: DevKeys;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    server = await startStoppablePostgres();
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE tracker');
    await admin.end();
    const config: RuntimeConfig = {
      ...loadConfig({ LOG_LEVEL: 'fatal' }),
      databaseUrl: withDatabase(server.url, 'tracker'),
      clientRefSecret: 'test-secret-of-at-least-thirty-two-characters',
    };
    devKeys = await createDevKeys();
    app = await createApp({ config, auth: { mode: 'dev', devKeys } });
    await app.init();
    http = request(app.getHttpServer());
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await server?.destroy();
  }, 60_000);

  const contact = async (headers: Record<string, string> = {}) =>
    http
      .post('/api/v1/offices/0314/employer-contacts')
      .set({ authorization: `Bearer ${await devKeys.sign(advisor('0314'))}`, ...headers })
      .send({ orgNumber: ORG.builder, channel: 'PHONE', theme: 'RECRUITMENT', occurredAt: recently() });
  const get = async (path: string, caller = manager('0314')) =>
    http.get(path).set({ authorization: `Bearer ${await devKeys.sign(caller)}` });
  const admin = { navIdent: 'X123456', roles: ['admin' as const], offices: [] };

  it('answers 503 with Retry-After during the outage, and serves again by itself after it', async () => {
    expect((await contact()).status).toBe(201);

    await server.stopImmediately();
    const during = [
      await contact(),
      await contact({ 'idempotency-key': 'outage-1' }),
      await get('/api/v1/offices/0314/engagement'),
      await get('/api/v1/offices/0314/history'),
      await get('/api/v1/admin/projections', admin),
    ];
    for (const response of during) {
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBeDefined();
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 503, code: 'SERVICE.UNAVAILABLE' });
    }

    await server.start();
    let written: request.Response | undefined;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      written = await contact({ 'idempotency-key': 'after-outage' });
      if (written.status === 201) break;
      expect(written.status).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(written?.status).toBe(201);
    const view = await get(`/api/v1/offices/0314/engagement?minPosition=${written!.body.position}`);
    expect(view.status).toBe(200);
    expect(view.body.position).toBeGreaterThanOrEqual(written!.body.position);
    expect((await http.get('/health')).status).toBe(200);
  }, 60_000);

  it('answers writers caught by the stop with 201 or 503, never 500, and keeps every 201 it gave', async () => {
    const writers = Array.from({ length: 25 }, async (_, n) => {
      const answers: request.Response[] = [];
      for (let i = 0; i < 8; i++) answers.push(await contact({ 'x-correlation-id': `writer-${n}-${i}` }));
      return answers;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await server.stopImmediately();
    const answers = (await Promise.all(writers)).flat();
    await server.start();

    expect(answers.filter((a) => a.status !== 201 && a.status !== 503).map((a) => [a.status, a.body])).toEqual([]);
    expect(answers.filter((a) => a.status === 503).length).toBeGreaterThan(0);
    const acknowledged = answers.filter((a) => a.status === 201).map((a) => a.body.position as number);
    const stored = new pg.Client({ connectionString: withDatabase(server.url, 'tracker') });
    await stored.connect();
    try {
      const sql = 'SELECT position FROM es_events WHERE position = ANY($1::bigint[])';
      const { rows } = await stored.query<{ position: string }>(sql, [acknowledged]);
      expect(rows.map((r) => Number(r.position)).sort((a, b) => a - b)).toEqual([...acknowledged].sort((a, b) => a - b));
    } finally {
      await stored.end();
    }
  }, 60_000);
});
