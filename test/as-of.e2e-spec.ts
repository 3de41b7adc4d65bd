import pg from 'pg';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import { startApp, type RunningApp } from './app-harness.js';
import { advisor, manager, ORG, twoOfficeTokens } from './fixtures.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ref = (n: number) => n.toString(16).padStart(64, '0');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Audit replay: a history recorded over HTTP in three steps, every live view captured after each
 * step, and then each view asked `asOfPosition=<end of step k>` (and `asOf=<a time between steps>`)
 * must answer exactly what the live view answered then.
 *
 * "Now" without flakiness: live answers count days to the request time, replays to the as-of moment
 * (the recordedAt of the step's last event), a few seconds apart. Every occurredAt lies a whole
 * number of days plus 12 hours before the test began, so "days without follow-up" and "not contacted
 * for 90 days" come out the same for any now within 12 hours of the start: both sides agree on every
 * figure, the gaps view included. The period is given explicitly (the default period's month could
 * otherwise change between a live answer and a replay at midnight at a month's end).
 */
describe('views as of an earlier moment (PostgreSQL)', () => {
  let running: RunningApp;
  let store: EventStore;
  const tokens: Record<string, string> = {};
  const started = Date.now();
  const daysAgo = (days: number) => new Date(started - days * DAY - 12 * HOUR).toISOString();
  const period = `from=${daysAgo(400).slice(0, 7)}&to=${new Date(started).toISOString().slice(0, 7)}`;

  /** Every view route, each office's where a route is per office, as the manager of both offices or an auditor reads it. */
  const views: [path: string, reader: 'manager' | 'auditor'][] = [
    ...['0314', '5001'].flatMap((o): [string, 'manager'][] => [
      [`offices/${o}/engagement?${period}`, 'manager'],
      [`offices/${o}/outcomes?${period}`, 'manager'],
      [`offices/${o}/follow-up-gaps?days=30`, 'manager'],
      [`offices/${o}/follow-up-gaps?days=10`, 'manager'],
      [`offices/${o}/employers?sort=lastContact`, 'manager'],
      [`offices/${o}/employers?sort=placements&limit=1`, 'manager'],
      [`offices/${o}/employers?sort=contacts&limit=1&after=${ORG.shop}`, 'manager'],
      [`offices/${o}/employers?sort=lastContact&limit=1&after=${ORG.shop}`, 'manager'],
    ]),
    [`offices?${period}`, 'manager'],
    [`offices?${period}`, 'auditor'],
    [`providers?${period}`, 'auditor'],
  ];
  const captured: Record<string, unknown>[][] = [];
  const positions: number[] = [];
  let between = '';
  const ids: Record<string, string> = {};
  let last = 0;

  const post = async (office: string, path: string, body: object) => {
    const response = await running.http
      .post(`/api/v1/offices/${office}/${path}`)
      .set('authorization', `Bearer ${tokens[office]}`)
      .send(body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    last = Math.max(last, response.body.position);
    return response.body as { id: string; position: number };
  };
  const get = async (path: string, reader: string, query: string) =>
    (
      await running.http
        .get(`/api/v1/${path}${path.includes('?') ? '&' : '?'}${query}`)
        .set('authorization', `Bearer ${tokens[reader]}`)
        .expect(200)
    ).body as Record<string, unknown>;
  /** Ends a step: the position it reached, and what every live view answered once it had seen it. */
  const endStep = async () => {
    positions.push(last);
    captured.push(await Promise.all(views.map(([path, reader]) => get(path, reader, `minPosition=${last}`))));
  };
  const figures = ({ position: _p, asOf: _a, asOfPosition: _ap, ...rest }: Record<string, unknown>) => rest;
  const databaseNow = async () => {
    const client = new pg.Client({ connectionString: running.db.url });
    await client.connect();
    try {
      return (await client.query<{ now: Date }>('SELECT clock_timestamp() AS now')).rows[0]!.now.toISOString();
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    running = await startApp({ EVENT_STORE: 'postgres' });
    store = running.app.get(EVENT_STORE);
    Object.assign(tokens, await twoOfficeTokens(running.tokenFor));

    // Step 1: employer work at 0314, an in-house and an external case there, an external case at 5001.
    await post('0314', 'employer-contacts', {
      orgNumber: ORG.builder,
      employerName: 'Byggmester AS',
      naceCode: '41.200',
      channel: 'VISIT',
      theme: 'RECRUITMENT',
      occurredAt: daysAgo(100),
    });
    await post('0314', 'employer-contacts', {
      orgNumber: ORG.shop,
      naceCode: '47.110',
      channel: 'PHONE',
      theme: 'GENERAL_OUTREACH',
      occurredAt: daysAgo(60),
    });
    ids.need = (
      await post('0314', 'recruitment-needs', { orgNumber: ORG.builder, positions: 2, occupation: 'tømrer', occurredAt: daysAgo(50) })
    ).id;
    ids.a = (
      await post('0314', 'cases', {
        clientRef: ref(1),
        needGroup: 'SITUATIONAL',
        followUpMode: 'IN_HOUSE',
        measureCode: 'INDJOBSTOT',
        occurredAt: daysAgo(80),
      })
    ).id;
    ids.b = (
      await post('0314', 'cases', {
        clientRef: ref(2),
        needGroup: 'STANDARD',
        followUpMode: 'EXTERNAL',
        measureCode: 'INDOPPFAG',
        providerOrgNumber: ORG.nav,
        occurredAt: daysAgo(70),
      })
    ).id;
    ids.c = (
      await post('5001', 'cases', {
        clientRef: ref(3),
        needGroup: 'SPECIAL',
        followUpMode: 'EXTERNAL',
        measureCode: 'ARBFORB',
        providerOrgNumber: ORG.builder,
        occurredAt: daysAgo(90),
      })
    ).id;
    await post('5001', `cases/${ids.c}/follow-ups`, { kind: 'PROVIDER_CONTACT', occurredAt: daysAgo(45) });
    await endStep();

    // Step 2: a follow-up, a placement after contact, the need filled, 5001 contacts the builder, case B moves to 5001.
    await post('0314', `cases/${ids.b}/follow-ups`, { kind: 'PROVIDER_REPORT', occurredAt: daysAgo(40) });
    await post('0314', `cases/${ids.a}/placement`, {
      orgNumber: ORG.builder,
      startDate: daysAgo(19).slice(0, 10),
      employmentPercent: 100,
      employmentType: 'PERMANENT',
      occurredAt: daysAgo(20),
    });
    await post('0314', `recruitment-needs/${ids.need}/close`, { result: 'FILLED', occurredAt: daysAgo(15) });
    await post('5001', 'employer-contacts', { orgNumber: ORG.builder, channel: 'MEETING', theme: 'INCLUSION', occurredAt: daysAgo(10) });
    ids.moved = (await post('0314', `cases/${ids.b}/transfer`, { toOfficeNumber: '5001', occurredAt: daysAgo(12) })).id;
    await endStep();

    // A moment between steps 2 and 3: after every event of step 2 was recorded, before any of step 3.
    // Taken from the database's clock, which stamps recordedAt: the test's clock may be off from it.
    await pause(50);
    between = await databaseNow();
    await pause(50);

    // Step 3: the moved case placed at 5001, case C exits, a new external case and a contact at 0314.
    await post('5001', `cases/${ids.moved}/placement`, {
      orgNumber: ORG.shop,
      startDate: daysAgo(2).slice(0, 10),
      employmentPercent: 60,
      employmentType: 'TEMPORARY',
      occurredAt: daysAgo(3),
    });
    await post('5001', `cases/${ids.c}/exit`, { reason: 'NO_JOB', occurredAt: daysAgo(2) });
    await post('0314', 'cases', {
      clientRef: ref(4),
      needGroup: 'STANDARD',
      followUpMode: 'EXTERNAL',
      measureCode: 'INDOPPFAG',
      providerOrgNumber: ORG.nav,
      occurredAt: daysAgo(35),
    });
    await post('0314', 'employer-contacts', { orgNumber: ORG.nav, channel: 'VIDEO', theme: 'INCLUSION', occurredAt: daysAgo(1) });
    await endStep();
  }, 120_000);
  afterAll(async () => {
    await running.close();
  });

  it('captured a history that changes every view from step to step', () => {
    views.forEach(([path, reader], v) => {
      const [one, two, three] = captured.map((step) => JSON.stringify(figures(step[v]!)));
      expect({ view: `${reader} ${path}`, changed: one !== two || two !== three }).toEqual({ view: `${reader} ${path}`, changed: true });
    });
    const gaps0314 = (step: number) =>
      (
        captured[step]![views.findIndex(([p]) => p === 'offices/0314/follow-up-gaps?days=30')] as {
          cases: { caseId: string; daysWithout: number }[];
        }
      ).cases;
    expect(gaps0314(0).map((c) => [c.caseId, c.daysWithout])).toEqual([[ids.b, 70]]);
    expect(gaps0314(1).map((c) => c.caseId)).toEqual([]);
    expect(gaps0314(2).map((c) => c.daysWithout)).toEqual([35]);
  });

  it.each([1, 2, 3])('answers every view asOfPosition=<end of step %i> exactly as the live view answered then', async (n) => {
    const step = n - 1;
    // The moment a position shows is when its event was recorded: the "now" of the replay.
    const [end] = await store.readAll({ toPosition: positions[step], direction: 'backwards', limit: 1 });
    for (const [v, [path, reader]] of views.entries()) {
      const replayed = await get(path, reader, `asOfPosition=${positions[step]}`);
      const live = captured[step]![v]!;
      expect({ view: `${reader} ${path}`, figures: figures(replayed) }).toEqual({ view: `${reader} ${path}`, figures: figures(live) });
      expect(replayed).toMatchObject({ position: positions[step], asOfPosition: positions[step], asOf: end!.recordedAt });
      expect(live.position).toBeGreaterThanOrEqual(positions[step]!);
      expect(live).not.toHaveProperty('asOfPosition');
    }
  });

  it('answers every view asOf=<a time between steps 2 and 3> as the live view answered after step 2', async () => {
    for (const [v, [path, reader]] of views.entries()) {
      const replayed = await get(path, reader, `asOf=${encodeURIComponent(between)}`);
      expect({ view: `${reader} ${path}`, figures: figures(replayed) }).toEqual({
        view: `${reader} ${path}`,
        figures: figures(captured[1]![v]!),
      });
      expect(replayed.asOf).toBe(between);
      expect(replayed.asOfPosition).toBeGreaterThan(positions[0]!);
      expect(replayed.asOfPosition).toBeLessThanOrEqual(positions[1]!);
      expect(replayed.position).toBe(replayed.asOfPosition);
    }
  });

  it('counts "now" of a replay to the as-of moment, not to the request: a gap that opens within the next minutes', async () => {
    // An external case at an office of its own (nothing captured above reads it), last seen 30 days
    // less 4.5 minutes before now: 29 whole days now, 30 days as of 4 minutes 45 seconds from now.
    const now = Date.now();
    const advisorToken = await running.tokenFor(advisor('1201', 'Z120001'));
    const enrolled = await running.http
      .post('/api/v1/offices/1201/cases')
      .set('authorization', `Bearer ${advisorToken}`)
      .send({
        clientRef: ref(5),
        needGroup: 'STANDARD',
        followUpMode: 'EXTERNAL',
        measureCode: 'INDOPPFAG',
        providerOrgNumber: ORG.nav,
        occurredAt: new Date(now - 30 * DAY + 270_000).toISOString(),
      })
      .expect(201);
    tokens['1201'] = await running.tokenFor(manager('1201'));
    const live = await get('offices/1201/follow-up-gaps?days=30', '1201', `minPosition=${enrolled.body.position}`);
    expect(live).toMatchObject({ count: 0 });
    const asOf = new Date(now + 285_000).toISOString();
    const replayed = await get('offices/1201/follow-up-gaps?days=30', '1201', `asOf=${encodeURIComponent(asOf)}`);
    const gap = { caseId: enrolled.body.id, daysWithout: 30 };
    expect(replayed).toMatchObject({ asOf, asOfPosition: enrolled.body.position, count: 1, cases: [gap] });
  });

  it('takes an asOf with an offset, and shows nothing as of a moment before the first event', async () => {
    const before = new Date(started - HOUR);
    const withOffset = `${new Date(before.getTime() + 2 * HOUR).toISOString().slice(0, 19)}+02:00`;
    const engagement = await get(`offices/0314/engagement?${period}`, 'manager', `asOf=${encodeURIComponent(withOffset)}`);
    expect(engagement).toMatchObject({ position: 0, asOfPosition: 0, asOf: before.toISOString().replace(/\.\d{3}Z$/, '.000Z') });
    expect(
      (engagement.months as { employerContacts: number; placements: number }[]).every(
        (m) => m.employerContacts === 0 && m.placements === 0,
      ),
    ).toBe(true);
    const providers = await get(`providers?${period}`, 'auditor', `asOf=${encodeURIComponent(withOffset)}`);
    expect(providers.providers).toEqual([]);
  });
});
