import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sharedContract, watchContract } from './open-api-contract.js';

const PROBLEM = { type: 'urn:problem:x', title: 'Not found', status: 404, detail: 'No such resource', code: 'ROUTE.NOT_FOUND' };
const ACCEPTED = { id: 'c1', streamId: 'office-0314.case-c1', revision: 0, position: 7 };

/**
 * The contract check the harness puts on every app a test starts: a stand-in server answers as told,
 * so each way of breaking the document can be shown to be caught (the real app never breaks it).
 */
describe('the OpenAPI contract check', () => {
  let server: Server;
  let answer: { status: number; type: string; body: string; headers?: Record<string, string> };
  let watched: { take(): string[] };

  beforeAll(async () => {
    server = createServer((_request, response) => {
      // As express answers: headers set one by one (the check reads them as sent), then the body.
      response.statusCode = answer.status;
      for (const [name, value] of Object.entries({ 'content-type': answer.type, ...answer.headers })) response.setHeader(name, value);
      response.end(answer.body);
    });
    watched = watchContract(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const exchange = async (method: string, path: string, told: typeof answer) => {
    answer = told;
    const { port } = server.address() as AddressInfo;
    await (await fetch(`http://127.0.0.1:${port}${path}`, { method, ...(method === 'POST' ? { body: '{}' } : {}) })).arrayBuffer();
    await new Promise((resolve) => setImmediate(resolve));
    return watched.take();
  };
  const json = (status: number, body: unknown, headers?: Record<string, string>) => ({
    status,
    type: status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8',
    body: JSON.stringify(body),
    headers,
  });

  it('passes an answer the document describes', async () => {
    expect(await exchange('POST', '/api/v1/offices/0314/cases', json(201, ACCEPTED))).toEqual([]);
    expect(await exchange('GET', '/api/v1/no-such-route', json(404, PROBLEM))).toEqual([]);
  });

  it('catches a status the operation does not declare (a made-up 418)', async () => {
    const violations = await exchange('POST', '/api/v1/offices/0314/cases', json(418, { ...PROBLEM, status: 418 }));
    expect(violations).toEqual([expect.stringContaining('status not declared for POST /api/v1/offices/{officeNumber}/cases')]);
  });

  it('catches an answer whose body breaks its schema', async () => {
    const { position: _, ...withoutPosition } = ACCEPTED;
    expect(await exchange('POST', '/api/v1/offices/0314/cases', json(201, withoutPosition))).toEqual([
      expect.stringContaining("must have required property 'position'"),
    ]);
    expect(await exchange('POST', '/api/v1/offices/0314/cases', json(201, { ...ACCEPTED, extra: 1 }))).toEqual([
      expect.stringContaining('must NOT have additional properties'),
    ]);
  });

  it('catches an error that is not a Problem, or not application/problem+json', async () => {
    expect(await exchange('POST', '/api/v1/offices/0314/cases', json(409, { message: 'conflict' }))).not.toEqual([]);
    const plain = { status: 409, type: 'text/plain', body: 'conflict' };
    expect(await exchange('POST', '/api/v1/offices/0314/cases', plain)).toEqual([expect.stringContaining('content type text/plain')]);
  });

  it('catches a 503 without Retry-After', async () => {
    const unavailable = { ...PROBLEM, status: 503, code: 'VIEW.NOT_READY' };
    expect(await exchange('GET', '/api/v1/offices/0314/engagement', json(503, unavailable))).toEqual([
      expect.stringContaining('header Retry-After is required'),
    ]);
    expect(await exchange('GET', '/api/v1/offices/0314/engagement', json(503, unavailable, { 'retry-after': '1' }))).toEqual([]);
  });

  it('catches an answer other than a 404 Problem on a path the document does not have', async () => {
    expect(await exchange('GET', '/api/v1/no-such-route', json(200, {}))).toEqual([
      expect.stringContaining('no operation in the document'),
    ]);
  });

  it('tells a literal path from a templated one (overdue is not an inquiry id)', () => {
    const overdue = { officeNumber: '0314', position: 0, now: '2026-01-01T00:00:00.000Z', count: 0, inquiries: [] };
    const exchange = { method: 'GET', path: '/api/v1/offices/0314/inquiries/overdue', status: 200, headers: {} };
    const body = JSON.stringify(overdue);
    expect(sharedContract().violationsOf({ ...exchange, contentType: 'application/json', body })).toEqual([]);
  });
});
