import { EVENT_STORE } from '@app/event-store';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { HealthController } from './health.controller.js';

/** Which part is down is the point here, so each part is a stand-in that can be switched off. */
describe('GET /health', () => {
  const parts = { database: true, eventStore: true };
  const check = (up: boolean) => (up ? Promise.resolve() : Promise.reject(new Error('connection refused')));
  let app: INestApplication;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: [HealthController],
      providers: [
        { provide: DataSource, useValue: { query: () => check(parts.database) } },
        { provide: EVENT_STORE, useValue: { ping: () => check(parts.eventStore) } },
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
  });

  it('answers 200 when the database and the event store answer', async () => {
    const response = await request(app.getHttpServer()).get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up', eventStore: 'up' });
  });

  it('answers 503 naming the event store when it is down', async () => {
    parts.eventStore = false;
    const response = await request(app.getHttpServer()).get('/health').expect(503);
    expect(response.body).toEqual({ status: 'unavailable', database: 'up', eventStore: 'down' });
  });

  it('answers 503 naming the database when it is down', async () => {
    parts.database = false;
    const response = await request(app.getHttpServer()).get('/health').expect(503);
    expect(response.body).toEqual({ status: 'unavailable', database: 'down', eventStore: 'up' });
  });
});
