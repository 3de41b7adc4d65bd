import { DataSource } from 'typeorm';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { ProjectionEngine } from '@app/projections';
import { EVENT_STORE } from '@app/event-store';
import { startApp, type RunningApp } from './app-harness.js';
import { manager, ORG, twoOfficeTokens } from './fixtures.js';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const ref = (n: number) => n.toString(16).padStart(64, '0');

/**
 * Through HTTP only: an office that follows up in-house (the Heimdal pilot: 108 clients, 69
 * placed) and a control office with external follow-up, then every view checked against a
 * direct count of the events.
 */
describe('the views managers query (PostgreSQL)', () => {
  let running: RunningApp;
  let store: EventStore;
  const tokens: Record<string, string> = {};
  let last = 0;
  const neglected: string[] = [];

  const post = async (office: string, path: string, body: object) => {
    const response = await running.http
      .post(`/api/v1/offices/${office}/${path}`)
      .set('authorization', `Bearer ${tokens[office]}`)
      .send(body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    last = Math.max(last, response.body.position);
    return response.body as { id: string; position: number };
  };
  const get = async (path: string, token = tokens.manager!) =>
    (
      await running.http
        .get(`/api/v1/${path}${path.includes('?') ? '&' : '?'}minPosition=${last}`)
        .set('authorization', `Bearer ${token}`)
        .expect(200)
    ).body;

  beforeAll(async () => {
    running = await startApp({ EVENT_STORE: 'postgres' });
    store = running.app.get(EVENT_STORE);
    Object.assign(tokens, await twoOfficeTokens(running.tokenFor));

    // Pilot office: 108 clients enrolled in-house over six months, 69 placed about a month later.
    for (let i = 0; i < 108; i++) {
      const enrolledDaysAgo = 200 - Math.floor(i * 1.5);
      const { id } = await post('0314', 'cases', {
        clientRef: ref(i + 1),
        needGroup: 'SITUATIONAL',
        followUpMode: 'IN_HOUSE',
        measureCode: i % 2 ? 'INDJOBSTOT' : 'ARBTREN',
        occurredAt: daysAgo(enrolledDaysAgo),
      });
      if (i < 69) {
        await post('0314', `cases/${id}/placement`, {
          orgNumber: i % 3 ? ORG.builder : ORG.nav,
          startDate: daysAgo(enrolledDaysAgo - 31).slice(0, 10),
          employmentPercent: 100,
          employmentType: 'PERMANENT',
          occurredAt: daysAgo(enrolledDaysAgo - 30),
        });
      }
    }
    for (let i = 0; i < 12; i++) {
      await post('0314', 'employer-contacts', {
        orgNumber: i % 2 ? ORG.builder : ORG.shop,
        naceCode: '41.200',
        channel: i % 3 ? 'PHONE' : 'VISIT',
        theme: 'RECRUITMENT',
        occurredAt: daysAgo(20 + i),
      });
    }
    // Control office: 20 external cases, 5 placed, 10 followed up lately, 5 neglected for 45 days or more.
    for (let i = 0; i < 20; i++) {
      const { id } = await post('5001', 'cases', {
        clientRef: ref(1000 + i),
        needGroup: 'STANDARD',
        followUpMode: 'EXTERNAL',
        measureCode: 'INDOPPFAG',
        providerOrgNumber: ORG.nav,
        occurredAt: daysAgo(60),
      });
      if (i < 5)
        await post('5001', `cases/${id}/placement`, {
          orgNumber: ORG.builder,
          startDate: daysAgo(9).slice(0, 10),
          employmentPercent: 50,
          employmentType: 'TEMPORARY',
          occurredAt: daysAgo(10),
        });
      else if (i < 15) await post('5001', `cases/${id}/follow-ups`, { kind: 'PROVIDER_REPORT', occurredAt: daysAgo(5) });
      else {
        await post('5001', `cases/${id}/follow-ups`, { kind: 'PROVIDER_CONTACT', occurredAt: daysAgo(45) });
        neglected.push(id);
      }
    }
  }, 120_000);
  afterAll(async () => {
    await running.close();
  });

  const allEvents = async (): Promise<RecordedEvent[]> => store.readAll({});
  const count = (events: RecordedEvent[], office: string, type: string, where: (data: Record<string, unknown>) => boolean = () => true) =>
    events.filter((e) => e.streamId.startsWith(`office-${office}.`) && e.type === type && where(e.data as Record<string, unknown>)).length;

  it('shows the pilot office 108 enrolled, 69 placed, placement rate 0.639 in-house', async () => {
    const answer = await get(`offices/0314/outcomes?from=${daysAgo(400).slice(0, 7)}&to=${daysAgo(0).slice(0, 7)}`);
    expect(answer.position).toBeGreaterThanOrEqual(last);
    expect(answer.totals).toEqual([
      {
        followUpMode: 'IN_HOUSE',
        enrolled: 108,
        active: 39,
        placed: 69,
        exited: 0,
        transferredIn: 0,
        transferredOut: 0,
        placementRate: 0.639,
        medianDaysToPlacement: 30,
      },
    ]);
    expect(answer.byMeasure.map((m: { measureCode: string; enrolled: number }) => [m.measureCode, m.enrolled])).toEqual([
      ['ARBTREN', 54],
      ['INDJOBSTOT', 54],
    ]);
    expect(answer.cohorts.reduce((n: number, c: { enrolled: number }) => n + c.enrolled, 0)).toBe(108);
  });

  it('shows the control office its own figures', async () => {
    const answer = await get(`offices/5001/outcomes?from=${daysAgo(400).slice(0, 7)}`);
    expect(answer.totals).toEqual([
      {
        followUpMode: 'EXTERNAL',
        enrolled: 20,
        active: 15,
        placed: 5,
        exited: 0,
        transferredIn: 0,
        transferredOut: 0,
        placementRate: 0.25,
        medianDaysToPlacement: 50,
      },
    ]);
  });

  it('lists exactly the neglected external cases as follow-up gaps', async () => {
    const answer = await get('offices/5001/follow-up-gaps?days=30');
    expect(answer.count).toBe(5);
    expect(answer.cases.map((c: { caseId: string }) => c.caseId).sort()).toEqual([...neglected].sort());
    expect(answer.cases.every((c: { daysWithout: number }) => c.daysWithout >= 44)).toBe(true);
    expect((await get('offices/0314/follow-up-gaps')).count).toBe(0);
  });

  it('equals a direct count of the events in every figure', async () => {
    const events = await allEvents();
    const from = daysAgo(400).slice(0, 7);
    const engagement = await get(`offices/0314/engagement?from=${from}`);
    const sum = (field: string) => engagement.months.reduce((n: number, m: Record<string, number>) => n + m[field]!, 0);
    expect(sum('employerContacts')).toBe(count(events, '0314', 'EmployerContacted'));
    expect(sum('placements')).toBe(count(events, '0314', 'ClientPlaced'));
    const offices = await get(`offices?from=${from}`);
    for (const office of offices.offices as { officeNumber: string; enrolled: number; placed: number; employerContacts: number }[]) {
      expect(office.enrolled).toBe(count(events, office.officeNumber, 'ClientEnrolled'));
      expect(office.placed).toBe(count(events, office.officeNumber, 'ClientPlaced'));
      expect(office.employerContacts).toBe(count(events, office.officeNumber, 'EmployerContacted'));
    }
    expect(offices.offices.map((o: { officeNumber: string }) => o.officeNumber)).toEqual(['0314', '5001']);
    const employers = await get('offices/0314/employers?sort=placements');
    for (const employer of employers.employers as { orgNumber: string; placements: number; contacts: number }[]) {
      expect(employer.placements).toBe(count(events, '0314', 'ClientPlaced', (d) => d.orgNumber === employer.orgNumber));
      expect(employer.contacts).toBe(count(events, '0314', 'EmployerContacted', (d) => d.orgNumber === employer.orgNumber));
    }
    const providers = await get(`providers?from=${from}`, tokens.auditor);
    expect(providers.providers).toEqual([
      { providerOrgNumber: ORG.nav, enrolled: 20, placed: 5, transferredIn: 0, transferredOut: 0, placementRate: 0.25, offices: ['5001'] },
    ]);
  });

  it('keeps the views behind the access rules', async () => {
    const advisorToken = tokens['0314']!;
    await running.http.get('/api/v1/offices/0314/outcomes').set('authorization', `Bearer ${advisorToken}`).expect(403);
    await running.http.get('/api/v1/providers').set('authorization', `Bearer ${tokens.manager}`).expect(403);
    const own = await running.tokenFor(manager('0314'));
    await running.http.get('/api/v1/offices/5001/engagement').set('authorization', `Bearer ${own}`).expect(403);
    const visible = (await running.http.get('/api/v1/offices').set('authorization', `Bearer ${own}`).expect(200)).body;
    expect(visible.offices.map((o: { officeNumber: string }) => o.officeNumber)).toEqual(['0314']);
  });

  it('answers 503 with Retry-After when minPosition is not reached in time, and 400 for bad parameters', async () => {
    const response = await running.http
      .get(`/api/v1/offices/0314/engagement?minPosition=${last + 1000}`)
      .set('authorization', `Bearer ${tokens.manager}`)
      .expect(503);
    expect(response.headers['retry-after']).toBeDefined();
    expect(response.body.code).toBe('VIEW.NOT_READY');
    await running.http
      .get('/api/v1/offices/0314/engagement?from=2026-13&colour=red')
      .set('authorization', `Bearer ${tokens.manager}`)
      .expect(400);
  }, 15_000);

  it('reports each projection to an admin, and verifies the live view against a fresh replay', async () => {
    const admin = await running.tokenFor({ navIdent: 'X123456', roles: ['admin'], offices: [] });
    const status = (await running.http.get('/api/v1/admin/projections').set('authorization', `Bearer ${admin}`).expect(200)).body;
    expect(status.projections.map((p: { name: string }) => p.name).sort()).toEqual([
      'active_cases',
      'client_retention',
      'employer_relationships',
      'engagement',
      'inquiries',
      'outcomes',
    ]);
    expect(status.projections.every((p: { status: string; lag: number }) => p.status === 'running' && p.lag === 0)).toBe(true);
    for (const name of ['engagement', 'outcomes']) {
      const verified = (
        await running.http.get(`/api/v1/admin/projections/${name}/verify?office=0314`).set('authorization', `Bearer ${admin}`).expect(200)
      ).body;
      expect(verified).toMatchObject({ equal: true, differenceCount: 0 });
      expect(verified.compared).toBeGreaterThan(0);
    }
  });

  it('rebuilds a view on request (202) while the live view keeps answering, then swaps it in unchanged', async () => {
    const admin = await running.tokenFor({ navIdent: 'X123456', roles: ['admin'], offices: [] });
    const before = await get(`offices/0314/outcomes?from=${daysAgo(400).slice(0, 7)}`);
    // A swap puts the shadow table in the live one's place: a new table, where a view left alone keeps its own.
    const liveTable = async () =>
      (await running.app.get(DataSource).query(`SELECT 'projection_outcomes'::regclass::oid AS oid`))[0].oid as number;
    const tableBefore = await liveTable();
    await running.http.post('/api/v1/admin/projections/outcomes/rebuild').set('authorization', `Bearer ${admin}`).expect(202);
    const during = await get(`offices/0314/outcomes?from=${daysAgo(400).slice(0, 7)}`);
    expect(during.totals).toEqual(before.totals);
    const deadline = Date.now() + 20_000;
    let status: { status: string; rebuild: unknown; position: number } | undefined;
    while (Date.now() < deadline) {
      const all = (await running.http.get('/api/v1/admin/projections').set('authorization', `Bearer ${admin}`).expect(200)).body
        .projections;
      status = all.find((p: { name: string }) => p.name === 'outcomes');
      if (status?.status === 'running' && status.rebuild === null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toMatchObject({ status: 'running', rebuild: null });
    expect(await liveTable()).not.toBe(tableBefore);
    const after = await get(`offices/0314/outcomes?from=${daysAgo(400).slice(0, 7)}`);
    expect(after.totals).toEqual(before.totals);
    await running.http.post('/api/v1/admin/projections/nothing/rebuild').set('authorization', `Bearer ${admin}`).expect(404);
    await running.http.post('/api/v1/admin/projections/outcomes/rebuild').set('authorization', `Bearer ${tokens.manager}`).expect(403);
  }, 30_000);

  it('answers a view whose table holds another version’s docs by replaying it with its own code, not 503', async () => {
    const engine = running.app.get(ProjectionEngine);
    const dataSource = running.app.get(DataSource);
    const sorted = () => get('offices/0314/employers?sort=contacts');
    const fromTable = await sorted();
    // As after a deploy (the table is an older version's) and after a newer instance's swap (a newer one's).
    // Stopped, so no rebuild swaps the table out meanwhile; its docs are blanked, so an answer read from them would show.
    await engine.stop();
    await dataSource.query(`CREATE TABLE saved_relationships AS SELECT * FROM projection_employer_relationships`);
    await dataSource.query(`UPDATE projection_employer_relationships SET doc = '{}'::jsonb`);
    try {
      for (const shift of [-1, +1]) {
        await dataSource.query(`UPDATE projection_checkpoints SET version = version + $1 WHERE name = 'employer_relationships'`, [shift]);
        try {
          const replayed = await sorted();
          expect(replayed).toEqual(fromTable);
          // The other views are at their version and answer from their tables as ever.
          await running.http.get('/api/v1/offices/0314/engagement').set('authorization', `Bearer ${tokens.manager}`).expect(200);
        } finally {
          await dataSource.query(`UPDATE projection_checkpoints SET version = version - $1 WHERE name = 'employer_relationships'`, [shift]);
        }
      }
    } finally {
      await dataSource.query(`DELETE FROM projection_employer_relationships`);
      await dataSource.query(`INSERT INTO projection_employer_relationships SELECT * FROM saved_relationships`);
      await dataSource.query(`DROP TABLE saved_relationships`);
      await engine.start();
    }
    expect(await sorted()).toEqual(fromTable);
  });
});
