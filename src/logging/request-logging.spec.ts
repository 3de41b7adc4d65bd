import express from 'express';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import request from 'supertest';
import { correlationIdMiddleware } from '../shared/http/correlation-id.js';
import { requestLogging } from './request-logging.middleware.js';

/** The request log, on real pino-http and express: nothing in it may hold personal data. */
describe('request log', () => {
  // Log lines are whatever pino wrote: read field by field below.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const lines: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const app = express();
  app.use(correlationIdMiddleware);
  app.use(requestLogging(pino({ level: 'info' }, sink)));
  app.get('/api/v1/offices/:officeNumber/cases/:caseId', (_req, res) => void res.status(404).json({}));

  it('writes the route pattern, never the raw path, query or a refused correlation id', async () => {
    await request(app).get('/api/v1/offices/0314/cases/13097248022?fnr=13097248022').set('x-correlation-id', '13097248022').expect(404);
    await request(app).get('/nothing/13097248022').expect(404);
    expect(lines).toHaveLength(2);
    expect(JSON.stringify(lines)).not.toContain('13097248022');
    expect(lines.map((l) => ({ ...l.req, route: l.route }))).toEqual([
      { id: expect.stringMatching(/^[0-9a-f-]{36}$/), method: 'GET', route: '/api/v1/offices/:officeNumber/cases/:caseId' },
      { id: expect.stringMatching(/^[0-9a-f-]{36}$/), method: 'GET', route: 'unmatched' },
    ]);
  });

  it('writes an accepted correlation id as the request id', async () => {
    lines.length = 0;
    await request(app).get('/api/v1/offices/0314/cases/x').set('x-correlation-id', '01ARZ3NDEKTSV4RRFFQ69G5FAV').expect(404);
    expect(lines[0]!.req.id).toBe('01ARZ3NDEKTSV4RRFFQ69G5FAV');
  });
});
