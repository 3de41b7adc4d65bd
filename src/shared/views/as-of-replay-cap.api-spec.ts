import { EVENT_STORE, type EventStore } from '@app/event-store';
import { startApp, type RunningApp } from '../../../test/app-harness.js';
import { advisor, auditor, manager, ORG } from '../../../test/fixtures.js';

/**
 * Issue 16: as-of replays beyond ASOF_REPLAYS_MAX are refused at once (503, Retry-After) and
 * counted, while live views and commands go on; the replays held open answer when they can.
 * A replay asked for one position beyond the head waits for it (up to 2 s), holding its place.
 */
describe('a cap on as-of replays running at once', () => {
  let running: RunningApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    running = await startApp({ EVENT_STORE: 'memory', ASOF_REPLAYS_MAX: '2' });
    tokens.advisor = await running.tokenFor(advisor('0314'));
    tokens.manager = await running.tokenFor(manager('0314'));
    tokens.auditor = await running.tokenFor(auditor());
  });
  afterAll(async () => {
    await running.close();
  });

  const get = (path: string, token = tokens.manager) => running.http.get(`/api/v1/${path}`).set('authorization', `Bearer ${token}`);
  const contact = () =>
    running.http
      .post('/api/v1/offices/0314/employer-contacts')
      .set('authorization', `Bearer ${tokens.advisor}`)
      .send({ orgNumber: ORG.builder, channel: 'PHONE', theme: 'RECRUITMENT', occurredAt: new Date().toISOString() });
  const refusedSoFar = async () => Number(/^view_replays_refused_total (\d+)$/m.exec((await running.http.get('/metrics')).text)?.[1] ?? 0);

  it('refuses replays beyond the cap with 503 and Retry-After, counted, and serves everything else meanwhile', async () => {
    const { position } = (await contact().expect(201)).body as { position: number };
    const head = await running.app.get<EventStore>(EVENT_STORE).headPosition();
    const held = [get(`offices/0314/engagement?asOfPosition=${head + 1}`), get(`offices?asOfPosition=${head + 1}`, tokens.auditor)].map(
      (request) => request.then((response) => response),
    );
    // Both wait up to 2 s for the position after the head, holding their places: until both have arrived.
    const bothRunning = async () => /^view_replays_running 2$/m.test((await running.http.get('/metrics')).text);
    for (const deadline = Date.now() + 1500; !(await bothRunning()) && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await bothRunning()).toBe(true);

    for (const path of [`offices/0314/outcomes?asOfPosition=${position}`, `offices?asOf=${encodeURIComponent(new Date().toISOString())}`]) {
      const refused = await get(path).expect(503);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.body).toMatchObject({ status: 503, code: 'VIEW.AS_OF_REPLAYS_BUSY' });
    }
    expect(await refusedSoFar()).toBe(2);
    // Not replays: a live view and a command are served while the cap is reached.
    expect((await get(`offices/0314/engagement?minPosition=${position}`).expect(200)).body).not.toHaveProperty('asOfPosition');
    await contact().expect(201);

    const answered = await Promise.all(held);
    expect(answered.map((r) => [r.status, r.body.asOfPosition])).toEqual([
      [200, head + 1],
      [200, head + 1],
    ]);
    // With the held ones done, a replay runs again.
    await get(`offices/0314/outcomes?asOfPosition=${position}`).expect(200);
    expect(await refusedSoFar()).toBe(2);
  });
});
