import { startApp, type RunningApp } from '../../../test/app-harness.js';
import { advisor, auditor, manager, ORG } from '../../../test/fixtures.js';
import { EVENT_STORE, type EventStore } from '@app/event-store';

const DAY = 86_400_000;
const MINUTE = 60_000;

describe('views as of a moment over HTTP', () => {
  let running: RunningApp;
  const tokens: Record<string, string> = {};
  /** Taken once the app is up: a slow start must not eat into the minutes the figures below allow. */
  let started = 0;
  let position = 0;
  let caseId = '';

  beforeAll(async () => {
    running = await startApp({ EVENT_STORE: 'memory' });
    tokens.advisor = await running.tokenFor(advisor('0314'));
    tokens.manager = await running.tokenFor(manager('0314'));
    tokens.auditor = await running.tokenFor(auditor());
    // Last seen 30 days less 4.5 minutes ago: 29 whole days now (for 4.5 minutes), 30 days as of 4 min 45 s from now.
    started = Date.now();
    const enrolled = await running.http
      .post('/api/v1/offices/0314/cases')
      .set('authorization', `Bearer ${tokens.advisor}`)
      .send({
        clientRef: 'c'.repeat(64),
        needGroup: 'STANDARD',
        followUpMode: 'EXTERNAL',
        measureCode: 'INDOPPFAG',
        providerOrgNumber: ORG.nav,
        occurredAt: new Date(started - 30 * DAY + 4.5 * MINUTE).toISOString(),
      })
      .expect(201);
    ({ id: caseId, position } = enrolled.body);
  });
  afterAll(async () => {
    await running.close();
  });

  const get = (path: string, token = tokens.manager) => running.http.get(`/api/v1/${path}`).set('authorization', `Bearer ${token}`);
  const refused = async (path: string, paths: string[], token = tokens.manager) => {
    const response = await get(path, token).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(paths);
  };

  it('marks a replayed answer with asOf and asOfPosition, and a live one with neither', async () => {
    const live = (await get(`offices/0314/outcomes?minPosition=${position}`).expect(200)).body;
    expect(live).not.toHaveProperty('asOf');
    expect(live).not.toHaveProperty('asOfPosition');
    const replayed = (await get(`offices/0314/outcomes?asOfPosition=${position}`).expect(200)).body;
    expect(replayed).toMatchObject({
      officeNumber: '0314',
      position,
      asOfPosition: position,
      asOf: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(replayed.totals).toEqual(live.totals);
  });

  it('counts time-dependent figures to the as-of moment, not to the request', async () => {
    const live = (await get(`offices/0314/follow-up-gaps?days=30&minPosition=${position}`).expect(200)).body;
    expect(live.count).toBe(0);
    const later = new Date(started + 4.75 * MINUTE).toISOString();
    const replayed = (await get(`offices/0314/follow-up-gaps?days=30&asOf=${encodeURIComponent(later)}`).expect(200)).body;
    expect(replayed).toMatchObject({ asOf: later, asOfPosition: position, count: 1, cases: [{ caseId, daysWithout: 30 }] });
  });

  it('shows as asOf the recordedAt of the last event at or before asOfPosition, and null before the first', async () => {
    const store = running.app.get<EventStore>(EVENT_STORE);
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later recordedAt than the enrolment's
    const followedUp = await running.http
      .post(`/api/v1/offices/0314/cases/${caseId}/follow-ups`)
      .set('authorization', `Bearer ${tokens.advisor}`)
      .send({ kind: 'PROVIDER_CONTACT', occurredAt: new Date().toISOString() })
      .expect(201);
    const recordedAt = async (at: number) => (await store.readAll({ after: at - 1, toPosition: at }))[0]!.recordedAt;
    for (const at of [position, followedUp.body.position as number]) {
      const replayed = (await get(`offices/0314/outcomes?asOfPosition=${at}`).expect(200)).body;
      expect(replayed).toMatchObject({ asOfPosition: at, asOf: await recordedAt(at) });
    }
    expect((await get('offices/0314/outcomes?asOfPosition=0').expect(200)).body).toMatchObject({ asOfPosition: 0, asOf: null });
  });

  it('waits for a position an append is about to return, instead of refusing it at once', async () => {
    const head = await running.app.get<EventStore>(EVENT_STORE).headPosition();
    const asked = get(`offices/0314/engagement?asOfPosition=${head + 1}`).then((response) => response);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await running.http
      .post('/api/v1/offices/0314/employer-contacts')
      .set('authorization', `Bearer ${tokens.advisor}`)
      .send({ orgNumber: ORG.builder, channel: 'PHONE', theme: 'RECRUITMENT', occurredAt: new Date().toISOString() })
      .expect(201);
    const response = await asked;
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ asOfPosition: head + 1 });
  });

  it('refuses asOf with asOfPosition, and either with minPosition (400)', async () => {
    await refused('offices/0314/engagement?asOf=2026-01-01T00:00:00Z&asOfPosition=1', ['asOfPosition']);
    await refused('offices/0314/follow-up-gaps?asOfPosition=1&minPosition=1', ['minPosition']);
    await refused('offices?asOf=2026-01-01T00:00:00%2B01:00&minPosition=1', ['minPosition']);
  });

  it('refuses a malformed asOf and a negative asOfPosition, naming the field (400)', async () => {
    await refused('offices/0314/employers?asOf=yesterday', ['asOf']);
    await refused('offices/0314/outcomes?asOf=2026-01-01T00:00:00', ['asOf']);
    await refused('providers?asOfPosition=-1', ['asOfPosition'], tokens.auditor);
  });

  it('refuses a position the log has not reached, and a time in the future (400)', async () => {
    const beyond = await get(`offices/0314/engagement?asOfPosition=${position + 1000}`).expect(400);
    expect(beyond.body).toMatchObject({ code: 'VIEW.AS_OF_BEYOND_HEAD', errors: [{ path: 'asOfPosition' }] });
    const future = await get(`offices/0314/engagement?asOf=${encodeURIComponent(new Date(Date.now() + 60 * MINUTE).toISOString())}`).expect(
      400,
    );
    expect(future.body).toMatchObject({ code: 'VIEW.AS_OF_IN_THE_FUTURE', errors: [{ path: 'asOf' }] });
  });

  it('keeps a replay behind the same access rules as the live view (401, 403)', async () => {
    await running.http.get(`/api/v1/offices/0314/engagement?asOfPosition=${position}`).expect(401);
    await get(`offices/5001/engagement?asOfPosition=${position}`).expect(403);
    await get(`offices/0314/outcomes?asOfPosition=${position}`, tokens.advisor).expect(403);
    await get(`providers?asOfPosition=${position}`).expect(403);
    const national = (await get(`providers?asOfPosition=${position}`, tokens.auditor).expect(200)).body;
    expect(national).toMatchObject({ position, asOfPosition: position, providers: [{ providerOrgNumber: ORG.nav, enrolled: 1 }] });
  });

  it('documents asOf and asOfPosition on every view route in the OpenAPI document', async () => {
    const document = (await running.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
    };
    const routes = ['engagement', 'outcomes', 'follow-up-gaps', 'employers', 'inquiries', 'inquiries/overdue']
      .map((v) => `/api/v1/offices/{officeNumber}/${v}`)
      .concat('/api/v1/offices', '/api/v1/providers');
    for (const route of routes) {
      expect({ route, parameters: document.paths[route]?.get?.parameters?.map((p) => p.name) }).toEqual({
        route,
        parameters: expect.arrayContaining(['minPosition', 'asOf', 'asOfPosition']),
      });
    }
  });
});
