import { startApp, type RunningApp } from '../../../test/app-harness.js';
import { advisor, auditor, manager, ORG, PERSON_ID, recently } from '../../../test/fixtures.js';

/** Issue 12, defect 4: a personal id number given as a correlation id, a query name or a path id goes nowhere. */
describe('correlation ids and what answers repeat', () => {
  let running: RunningApp;
  let advisorToken: string;
  let managerToken: string;

  beforeAll(async () => {
    running = await startApp({ EVENT_STORE: 'memory' });
    advisorToken = await running.tokenFor(advisor('0314'));
    managerToken = await running.tokenFor(manager('0314'));
  });
  afterAll(async () => {
    await running.close();
  });

  const contact = (correlationId?: string) => {
    const request = running.http.post('/api/v1/offices/0314/employer-contacts').set('authorization', `Bearer ${advisorToken}`);
    if (correlationId !== undefined) request.set('x-correlation-id', correlationId);
    return request.send({ orgNumber: ORG.builder, channel: 'PHONE', theme: 'RECRUITMENT', occurredAt: recently() });
  };
  const storedCorrelationOf = async (position: number): Promise<string> => {
    const history = await running.http.get('/api/v1/offices/0314/history').query({ after: position - 1, limit: 1 })
      .set('authorization', `Bearer ${managerToken}`).expect(200);
    return history.body.events[0].metadata.correlationId;
  };

  it.each([
    ['a UUID', '0190f3a0-7c1e-7a3b-9f00-5d2c4e6a8b1c'],
    ['a ULID', '01ARZ3NDEKTSV4RRFFQ69G5FAV'],
  ])('keeps %s as given, stores it and says it was the caller\'s', async (_kind, id) => {
    const response = await contact(id).expect(201);
    expect(response.headers['x-correlation-id']).toBe(id);
    expect(response.headers['x-correlation-id-source']).toBe('request');
    expect(await storedCorrelationOf(response.body.position)).toBe(id);
  });

  it.each([
    ['11 digits', PERSON_ID],
    ['a UUID whose last group holds 11 digits', `0190f3a0-7c1e-7a3b-9f00-${PERSON_ID}0`],
    ['free text', 'corr-123'],
  ])('replaces %s by a new UUID, stores only that and says it was generated', async (_kind, given) => {
    const response = await contact(given).expect(201);
    const used = response.headers['x-correlation-id'] as string;
    expect(used).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(response.headers['x-correlation-id-source']).toBe('generated');
    expect(await storedCorrelationOf(response.body.position)).toBe(used);
  });

  it('makes one when none is given, on any answer (errors too)', async () => {
    const refused = await running.http.get('/api/v1/offices/0314/engagement').expect(401);
    expect(refused.headers['x-correlation-id-source']).toBe('generated');
    expect(refused.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does not repeat an unknown query name that may be a personal id number', async () => {
    const response = await running.http.get(`/api/v1/offices/0314/engagement?${PERSON_ID}=x&colour=blue`)
      .set('authorization', `Bearer ${managerToken}`).expect(400);
    expect(response.text).not.toContain(PERSON_ID);
    expect(response.body.errors).toEqual([
      { path: '(unknown)', message: 'is not a known field' },
      { path: 'colour', message: 'is not a known field' },
    ]);
  });

  it('does not repeat a path no route has, or an office number that is no office number', async () => {
    for (const [path, status] of [[`/api/v1/nothing/${PERSON_ID}`, 404], [`/api/v1/offices/${PERSON_ID}/engagement`, 400], [`/api/v1/admin/projections/${PERSON_ID}/parked`, 403]] as const) {
      const response = await running.http.get(path).set('authorization', `Bearer ${await running.tokenFor(auditor())}`);
      expect(response.status).toBe(status);
      expect(response.text).not.toContain(PERSON_ID);
    }
  });

  it('does not repeat the id of a 404, whatever it looks like', async () => {
    for (const id of [PERSON_ID, '0190f3a0-7c1e-7a3b-9f00-5d2c4e6a8b1c']) {
      const response = await running.http.post(`/api/v1/offices/0314/cases/${id}/follow-ups`).set('authorization', `Bearer ${advisorToken}`)
        .send({ kind: 'CLIENT_CALL', occurredAt: recently() });
      expect(response.status).toBe(404);
      expect(response.text).not.toContain(id);
    }
  });
});
