import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { pseudonymiseClient } from '../src/shared/values/personal-id.js';
import { startApp, type RunningApp } from './app-harness.js';
import { ORG, PERSON_ID, twoOfficeTokens } from './fixtures.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Another synthetic fødselsnummer with valid check digits (1 Jan 1980); nobody's. */
const OTHER_PERSON_ID = '01018010018';
/** Valid too (15 Mar 1985), and never enrolled. */
const UNKNOWN_PERSON_ID = '15038510190';

/**
 * Erasure by crypto-shredding over HTTP on PostgreSQL: after the admin erases a client, no response,
 * log line or table row holds their pseudonym or the link from it to their subject, while every count
 * stays, history shows the events with the subject marked erased, and the views agree with a replay.
 */
describe('erasure of a client (PostgreSQL)', () => {
  let running: RunningApp;
  let db: DataSource;
  const log = new PassThrough();
  let logged = '';
  log.on('data', (chunk: Buffer) => (logged += chunk.toString()));
  let tokens: Record<string, string>;
  let admin: string;
  const started = Date.now();
  const daysAgo = (days: number) => new Date(started - days * DAY - 12 * HOUR).toISOString();
  const period = `from=${daysAgo(400).slice(0, 7)}&to=${new Date(started).toISOString().slice(0, 7)}`;
  let clientRef: string;
  let last = 0;
  const views: [string, string][] = [
    ...['0314', '5001'].flatMap((o): [string, string][] => [
      [`offices/${o}/engagement?${period}`, 'manager'],
      [`offices/${o}/outcomes?${period}`, 'manager'],
      [`offices/${o}/follow-up-gaps?days=10`, 'manager'],
      [`offices/${o}/employers?sort=placements`, 'manager'],
      [`offices/${o}/history?limit=1000`, 'manager'],
    ]),
    [`offices?${period}`, 'auditor'],
    [`providers?${period}`, 'auditor'],
    ['access-log?limit=1000', 'auditor'],
  ];

  const post = async (office: string, path: string, body: object) => {
    const response = await running.http
      .post(`/api/v1/offices/${office}/${path}`)
      .set('authorization', `Bearer ${tokens[office]}`)
      .send(body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    last = Math.max(last, response.body.position);
    return response.body as { id: string; position: number };
  };
  const get = async (path: string, reader: string, query = `minPosition=${last}`) =>
    (
      await running.http
        .get(`/api/v1/${path}${path.includes('?') ? '&' : '?'}${query}`)
        .set('authorization', `Bearer ${tokens[reader]}`)
        .expect(200)
    ).body as Record<string, unknown>;
  const figures = ({ position: _p, asOf: _a, asOfPosition: _ap, ...rest }: Record<string, unknown>) => rest;
  const countViews = () =>
    Promise.all(views.filter(([p]) => !p.includes('history') && !p.includes('access-log')).map(([p, r]) => get(p, r).then(figures)));
  const enrol = (office: string, personId: string, days: number) =>
    post(office, 'cases', {
      personId,
      needGroup: 'SITUATIONAL',
      followUpMode: 'EXTERNAL',
      measureCode: 'INDOPPFAG',
      providerOrgNumber: ORG.nav,
      occurredAt: daysAgo(days),
    });
  const erase = (token: string, personId: string) =>
    running.http
      .post('/api/v1/admin/clients/erase')
      .set('authorization', `Bearer ${token}`)
      .send({ personId, reason: 'retten til sletting, sak 2026/123' });

  let before: Record<string, unknown>[];
  /** As of the last event, from snapshots the replays take (ASOF_SNAPSHOT_EVERY=1), before the erasure. */
  let asOfBefore: Record<string, unknown>[];
  // One at a time: more at once than ASOF_REPLAYS_MAX (2) would be refused.
  const asOfAnswers = async () => {
    const answers = [];
    for (const [p, r] of views.slice(0, 4)) answers.push(await get(p, r, `asOfPosition=${last}`));
    return answers;
  };
  let caseIds: string[];

  beforeAll(async () => {
    // A snapshot of an office's view after every event: as-of answers below start from them.
    running = await startApp({ LOG_LEVEL: 'info', ASOF_SNAPSHOT_EVERY: '1' }, { logDestination: log });
    db = new DataSource({ type: 'postgres', url: running.db.url });
    await db.initialize();
    tokens = await twoOfficeTokens(running.tokenFor);
    admin = await running.tokenFor({ navIdent: 'X123456', roles: ['admin'], offices: [] });
    clientRef = pseudonymiseClient(PERSON_ID, running.config.clientRefSecret);
    // The client: placed at 0314, and a case at 5001 still open; another client beside them.
    const placed = await enrol('0314', PERSON_ID, 80);
    await post('0314', `cases/${placed.id}/follow-ups`, { kind: 'PROVIDER_CONTACT', occurredAt: daysAgo(60) });
    await post('0314', `cases/${placed.id}/placement`, {
      orgNumber: ORG.builder,
      startDate: daysAgo(20).slice(0, 10),
      employmentPercent: 80,
      employmentType: 'PERMANENT',
      occurredAt: daysAgo(25),
    });
    const open = await enrol('5001', PERSON_ID, 40);
    const other = await enrol('5001', OTHER_PERSON_ID, 30);
    caseIds = [placed.id, open.id, other.id];
    before = await countViews();
    asOfBefore = await asOfAnswers();
    // While linked, the open case lists the client's pseudonym.
    const gaps = (await get('offices/5001/follow-up-gaps?days=10', 'manager')).cases as { caseId: string; clientRef: string | null }[];
    expect(gaps.find((c) => c.caseId === open.id)?.clientRef).toBe(clientRef);
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await running?.close();
  });

  it('answers a non-admin 403 whoever the person is, and an admin 404 for a person never enrolled', async () => {
    for (const personId of [PERSON_ID, UNKNOWN_PERSON_ID]) {
      const refused = await erase(tokens.manager!, personId);
      expect([refused.status, refused.body.code]).toEqual([403, expect.any(String)]);
    }
    const unknown = await erase(admin, UNKNOWN_PERSON_ID);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'CLIENT.NOT_FOUND']);
    expect(JSON.stringify(unknown.body)).not.toContain(UNKNOWN_PERSON_ID);
  });

  it('erases the client: 200 with what went, access-logged, nothing of the pseudonym left anywhere', async () => {
    const erased = await erase(admin, PERSON_ID);
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({
      subjectId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      erasedAt: expect.any(String),
      erased: [expect.any(String)],
    });
    const subjectId = erased.body.subjectId as string;
    const again = await erase(admin, PERSON_ID);
    expect(again.status).toBe(404);

    const accessLog = (await get('access-log?limit=1000', 'auditor', '')).entries as {
      route: string;
      allowed: boolean;
      navIdent: string;
    }[];
    expect(
      accessLog.filter((e) => e.route.includes('admin/clients/erase') && e.allowed && e.navIdent === 'X123456').length,
    ).toBeGreaterThanOrEqual(2);

    // Counts unchanged; the open case stays listed with no client reference.
    const after = await countViews();
    const gapsAfter = (await get('offices/5001/follow-up-gaps?days=10', 'manager')).cases as {
      caseId: string;
      clientRef: string | null;
      subjectId: string;
    }[];
    expect(gapsAfter.find((c) => c.caseId === caseIds[1])).toMatchObject({ clientRef: null, subjectId });
    const unlinked = JSON.parse(JSON.stringify(before).replaceAll(`"clientRef":"${clientRef}"`, '"clientRef":null'));
    expect(after).toEqual(unlinked);

    // History: the events stay, their subject marked erased, no pseudonym.
    const history = (await get('offices/0314/history?limit=1000', 'manager', '')).events as {
      type: string;
      data: Record<string, unknown>;
    }[];
    const ofClient = history.filter((e) => e.data.subjectId === subjectId);
    expect(ofClient.map((e) => e.type)).toEqual(['ClientEnrolled', 'ClientPlaced']);
    for (const event of ofClient) expect(event.data).toMatchObject({ subjectErased: true });
    expect(ofClient.every((e) => !('clientRef' in e.data))).toBe(true);

    // Nowhere: every route's answer, every log line, every table's text.
    const answers = await Promise.all(views.map(([p, r]) => get(p, r, '')));
    const asOf = await asOfAnswers();
    // Issue 16: answers from snapshots taken before the erasure are those of a replay from nothing after it.
    const [{ snapshots }] = (await db.query('SELECT count(*)::int AS snapshots FROM view_replay_snapshots')) as [{ snapshots: number }];
    expect(snapshots).toBeGreaterThan(5);
    expect(asOf).toEqual(JSON.parse(JSON.stringify(asOfBefore).replaceAll(`"clientRef":"${clientRef}"`, '"clientRef":null')));
    await db.query('DELETE FROM view_replay_snapshots');
    expect(await asOfAnswers()).toEqual(asOf);
    const adminAnswers = [(await running.http.get('/api/v1/admin/projections').set('authorization', `Bearer ${admin}`)).body];
    for (const text of [JSON.stringify([answers, asOf, adminAnswers]), logged]) {
      expect(text).not.toContain(clientRef);
      expect(text).not.toContain(PERSON_ID);
    }
    expect(logged).toContain(`client erased: subject ${subjectId}`);
    const tables = (await db.query(
      `SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
    )) as { table_schema: string; table_name: string }[];
    expect(tables.length).toBeGreaterThan(5);
    for (const { table_schema, table_name } of tables) {
      const [{ n }] = (await db.query(
        `SELECT count(*)::int AS n FROM "${table_schema}"."${table_name}" t
          WHERE t::text LIKE '%' || $1 || '%' OR t::text LIKE '%' || $2 || '%'`,
        [clientRef, PERSON_ID],
      )) as [{ n: number }];
      expect([table_name, n]).toEqual([table_name, 0]);
    }
    const [{ links }] = (await db.query('SELECT count(*)::int AS links FROM client_subjects WHERE subject_id = $1', [subjectId])) as [
      { links: number },
    ];
    expect(links).toBe(0);
  });

  it('keeps views and a fresh replay of the log equal (verify), and as-of replays answer', async () => {
    for (const name of ['engagement', 'outcomes', 'active_cases', 'employer_relationships']) {
      for (const office of ['0314', '5001']) {
        const verified = (
          await running.http
            .get(`/api/v1/admin/projections/${name}/verify?office=${office}`)
            .set('authorization', `Bearer ${admin}`)
            .expect(200)
        ).body;
        expect([name, office, verified]).toEqual([name, office, expect.objectContaining({ equal: true, differenceCount: 0 })]);
      }
    }
    const live = await get('offices/5001/follow-up-gaps?days=10', 'manager');
    const replay = await get('offices/5001/follow-up-gaps?days=10', 'manager', `asOfPosition=${last}`);
    expect((replay.cases as unknown[]).length).toBe((live.cases as unknown[]).length);
  });

  it('makes a new subject of a new enrolment of the same person', async () => {
    const history = (await get('offices/5001/history?limit=1000', 'manager', '')).events as {
      type: string;
      data: Record<string, unknown>;
    }[];
    const erasedSubject = history.find((e) => e.data.caseId === caseIds[1])!.data.subjectId;
    const again = await enrol('5001', PERSON_ID, 5);
    const now = (await get('offices/5001/history?limit=1000', 'manager', '')).events as { type: string; data: Record<string, unknown> }[];
    const enrolment = now.find((e) => e.data.caseId === again.id)!.data;
    expect(enrolment).toMatchObject({ clientRef });
    expect(enrolment.subjectId).not.toBe(erasedSubject);
    expect(now.find((e) => e.data.caseId === caseIds[1])!.data).toMatchObject({ subjectErased: true });
  });
});
