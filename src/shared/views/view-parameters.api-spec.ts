import { startApp, type RunningApp } from '../../../test/app-harness.js';
import { auditor } from '../../../test/fixtures.js';

/** The bounds of the views' parameters (docs/api.md, "Definitions"): inside them 200, outside 400 naming the field. */
describe('view parameters over HTTP', () => {
  let running: RunningApp;
  let token: string;

  beforeAll(async () => {
    running = await startApp({ EVENT_STORE: 'memory' });
    token = await running.tokenFor(auditor());
  });
  afterAll(async () => {
    await running.close();
  });

  const get = (path: string) => running.http.get(`/api/v1/${path}`).set('authorization', `Bearer ${token}`);
  const refused = async (path: string, field: string) => {
    const response = await get(path).expect(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION.FAILED', errors: [expect.objectContaining({ path: field })] });
  };

  // The API's ETags are stream revisions (If-Match on commands); Express's body hashes would be another thing by that name.
  it('sends no ETag of its own on a view, so a browser never gets a 304 the document does not declare', async () => {
    const first = await get('offices/0314/engagement').expect(200);
    expect(first.headers.etag).toBeUndefined();
    // What a browser sends back is the ETag it was given: a hash of the body, had there been one.
    const again = await get('offices/0314/engagement').set('if-none-match', first.headers.etag ?? 'W/"29ff-6Aq6pnlzm1UR1VUYkx8zoxGY6J0"');
    expect(again.status).toBe(200);
  });

  it('takes days from 1 to 3650, whole numbers only, 30 when not given', async () => {
    expect((await get('offices/0314/follow-up-gaps').expect(200)).body.days).toBe(30);
    expect((await get('offices/0314/follow-up-gaps?days=1').expect(200)).body.days).toBe(1);
    expect((await get('offices/0314/follow-up-gaps?days=3650').expect(200)).body.days).toBe(3650);
    for (const days of ['0', '3651', '-1', '1.5', 'thirty']) await refused(`offices/0314/follow-up-gaps?days=${days}`, 'days');
  });

  it('takes from and to as months YYYY-MM, 2000-01 to 2099-12 (at most 1200), from not after to, on each route with a period', async () => {
    for (const route of ['offices/0314/engagement', 'offices/0314/outcomes', 'offices', 'providers']) {
      await get(`${route}?from=2026-01&to=2026-01`).expect(200);
      await get(`${route}?from=2000-01&to=2099-12`).expect(200); // 1200 months
      await refused(`${route}?from=1999-12&to=2099-12`, 'from'); // 1201
      await refused(`${route}?from=2026-02&to=2026-01`, 'from');
      await refused(`${route}?from=2026-13`, 'from');
      await refused(`${route}?to=2026-00`, 'to');
      await refused(`${route}?from=2026-1`, 'from');
      await refused(`${route}?to=2026-01-01`, 'to');
    }
  });

  it('checks a period once its defaults are in: to is the month of now, from 11 months before to', async () => {
    const now = new Date().toISOString().slice(0, 7);
    const months = (await get(`offices/0314/engagement?to=${now}`).expect(200)).body.months.map((m: { month: string }) => m.month);
    expect(months).toHaveLength(12);
    expect(months[11]).toBe(now);
    await refused('offices/0314/engagement?from=2999-01', 'from'); // after the defaulted to
    await refused('offices/0314/outcomes?from=1800-01', 'from'); // before the time bounds
  });

  it('takes an employers page of 1 to 500, 50 when not given', async () => {
    await get('offices/0314/employers?limit=1').expect(200);
    await get('offices/0314/employers?limit=500').expect(200);
    for (const limit of ['0', '501', '2.5']) await refused(`offices/0314/employers?limit=${limit}`, 'limit');
  });

  it('takes minPosition and asOfPosition as whole numbers from 0', async () => {
    await get('offices/0314/outcomes?minPosition=0').expect(200);
    await refused('offices/0314/outcomes?minPosition=-1', 'minPosition');
    await refused('offices/0314/outcomes?asOfPosition=1.5', 'asOfPosition');
  });
});
