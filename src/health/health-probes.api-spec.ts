import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EVENT_STORE } from '@app/event-store';
import { ProjectionSnapshots } from '../projections-admin/projection-snapshots.js';
import { HealthProbesController, READY_MAX_LAG_SECONDS } from './health-probes.controller.js';

/** Which part is down or behind is the point here, so each part is a stand-in (the e2e tests use the real ones). */
describe('GET /health/live and /health/ready', () => {
  const parts = { database: true, eventStore: true };
  let views: () => Promise<object[]>;
  const check = (up: boolean) => (up ? Promise.resolve() : Promise.reject(new Error('connection refused')));
  const view = (status: string, lagSeconds = 0) => ({ name: 'engagement', status, lag: lagSeconds > 0 ? 3 : 0, lagSeconds });
  let app: INestApplication;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: [HealthProbesController],
      providers: [
        { provide: DataSource, useValue: { query: () => check(parts.database) } },
        { provide: EVENT_STORE, useValue: { ping: () => check(parts.eventStore) } },
        { provide: ProjectionSnapshots, useValue: { read: () => views() } },
      ],
    }).compile();
    app = module.createNestApplication({ logger: false });
    await app.init();
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(() => {
    parts.database = true;
    parts.eventStore = true;
    views = async () => [view('running')];
  });

  it('is live while the process answers, whatever the database says', async () => {
    parts.database = false;
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
  });

  it('is ready when the database and the event store answer and every view keeps up', async () => {
    const response = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      database: 'up',
      eventStore: 'up',
      projections: [{ name: 'engagement', status: 'running', lagEvents: 0, lagSeconds: 0 }],
    });
  });

  it('is not ready (503) when the database or the event store does not answer', async () => {
    parts.eventStore = false;
    const response = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(response.body).toMatchObject({ status: 'unavailable', database: 'up', eventStore: 'down' });
  });

  it.each([
    ['failed', view('failed')],
    ['degraded (parked events)', view('degraded')],
    ['far behind', view('running', READY_MAX_LAG_SECONDS + 1)],
  ])('stays ready (200) but says degraded when a view is %s', async (_, snapshot) => {
    views = async () => [snapshot];
    const response = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(response.body).toMatchObject({ status: 'degraded', database: 'up', eventStore: 'up' });
  });

  it('says degraded when the views cannot be read, without failing', async () => {
    views = () => Promise.reject(new Error('statement timeout'));
    const response = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(response.body).toMatchObject({ status: 'degraded', projections: 'unknown' });
  });
});
