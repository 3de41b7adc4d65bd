import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { createDevKeys } from '../auth/dev-keys.js';
import { createApp } from '../bootstrap/create-app.js';
import { loadConfig } from '../config/index.js';
import { serveWebApp } from './serve-web-app.js';

const INDEX = '<!doctype html><title>web app index</title>';
const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

/** The built web app at `/` with its SPA fallback, next to (never over) the API, docs and operations routes. */
describe('the web app served by the Nest app', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let dir: string;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ect-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    db = await createTestDatabase('web');
    const config = {
      ...loadConfig({ LOG_LEVEL: 'warn' }),
      databaseUrl: db.url,
      clientRefSecret: 'test-secret-of-at-least-thirty-two-characters',
    };
    app = await createApp({ config, auth: { mode: 'dev', devKeys: await createDevKeys() }, webAppDir: dir });
    await app.init();
    http = request(app.getHttpServer());
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and its files by name', async () => {
    const index = await http.get('/');
    expect(index.status).toBe(200);
    expect(index.text).toBe(INDEX);
    expect(index.headers['cache-control']).toBe('no-cache');
    const file = await http.get('/assets/app-1234.js');
    expect(file.status).toBe(200);
    expect(file.text).toBe('console.log(1)');
  });

  it('answers a client route a browser opens with index.html', async () => {
    const page = await http.get('/kontor/0314/arbeidsgivere?asOfPosition=3').set(HTML);
    expect(page.status).toBe(200);
    expect(page.text).toBe(INDEX);
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('leaves unknown paths to the API 404 unless a browser asks for a page, and never answers other methods', async () => {
    expect((await http.get('/kontor/0314/oversikt').set('accept', 'application/json')).status).toBe(404);
    expect((await http.post('/kontor/0314/oversikt').set(HTML)).status).toBe(404);
    expect((await http.get('/assets/missing.js')).status).toBe(404);
  });

  it('never shadows /api, /docs, /health or /metrics, even for a browser', async () => {
    const unknownApi = await http.get('/api/v1/no-such-route').set(HTML);
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await http.get('/api/v1/offices/0314/engagement').set(HTML)).status).toBe(401);
    expect((await http.get('/api').set(HTML)).text).not.toBe(INDEX);
    expect((await http.get('/health').set(HTML)).body).toEqual({ status: 'ok', database: 'up', eventStore: 'up' });
    const metrics = await http.get('/metrics').set(HTML);
    expect(metrics.text).toContain('http_requests_total');
    const docs = await http.get('/docs').set(HTML);
    expect(docs.status).toBe(200);
    expect(docs.text).not.toBe(INDEX);
    expect((await http.get('/docs-json').set(HTML)).body.openapi).toMatch(/^3\./);
  });

  it('tells the web app how to sign in, without a token', async () => {
    const response = await http.get('/api/v1/web-config');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ authMode: 'dev' });
  });

  it('mounts nothing when there is no build (npm test never builds the web app)', () => {
    const used: unknown[] = [];
    expect(serveWebApp({ use: (handler: unknown) => used.push(handler) } as unknown as INestApplication, join(dir, 'nowhere'))).toBe(false);
    expect(used).toEqual([]);
  });
});
