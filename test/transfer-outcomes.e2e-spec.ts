import { startApp, type RunningApp } from './app-harness.js';
import { ORG, twoOfficeTokens } from './fixtures.js';

const ref = (n: number) => n.toString(16).padStart(64, '0');
const PERIOD = 'from=2026-01&to=2026-06';

/**
 * Through HTTP only: a client moves from 0314 to 5001 and is placed there. The office that handed
 * the client over is not blamed for it (its rate leaves the case out), the receiving office counts
 * the case from the arrival, and the national comparison says the same, figure for figure.
 */
describe('outcomes of a transferred client (PostgreSQL)', () => {
  let running: RunningApp;
  const tokens: Record<string, string> = {};
  let last = 0;

  const post = async (office: string, path: string, body: object) => {
    const response = await running.http
      .post(`/api/v1/offices/${office}/${path}`)
      .set('authorization', `Bearer ${tokens[office]}`)
      .send(body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    last = Math.max(last, response.body.position);
    return response.body as { id: string };
  };
  const enrol = (office: string, n: number, external: boolean, occurredAt: string) =>
    post(office, 'cases', {
      clientRef: ref(n),
      needGroup: 'STANDARD',
      followUpMode: external ? 'EXTERNAL' : 'IN_HOUSE',
      measureCode: external ? 'INDOPPFAG' : 'INDJOBSTOT',
      ...(external ? { providerOrgNumber: ORG.nav } : {}),
      occurredAt,
    });
  const place = (office: string, caseId: string, occurredAt: string) =>
    post(office, `cases/${caseId}/placement`, {
      orgNumber: ORG.builder,
      startDate: occurredAt.slice(0, 10),
      employmentPercent: 100,
      employmentType: 'PERMANENT',
      occurredAt,
    });
  const get = async (path: string, token = tokens.auditor!) =>
    (await running.http.get(`/api/v1/${path}&minPosition=${last}`).set('authorization', `Bearer ${token}`).expect(200)).body;

  beforeAll(async () => {
    running = await startApp({ EVENT_STORE: 'postgres' });
    Object.assign(tokens, await twoOfficeTokens(running.tokenFor));
    // 0314: one in-house case placed after 20 days, one exited; two external ones, one placed after 30 days, one transferred.
    const a = await enrol('0314', 1, false, '2026-03-02T10:00:00Z');
    await place('0314', a.id, '2026-03-22T10:00:00Z');
    const e = await enrol('0314', 2, false, '2026-03-10T10:00:00Z');
    await post('0314', `cases/${e.id}/exit`, { reason: 'NO_JOB', occurredAt: '2026-04-01T10:00:00Z' });
    const c = await enrol('0314', 3, true, '2026-03-06T10:00:00Z');
    await place('0314', c.id, '2026-04-05T10:00:00Z');
    const b = await enrol('0314', 4, true, '2026-03-05T10:00:00Z');
    const moved = await post('0314', `cases/${b.id}/transfer`, { toOfficeNumber: '5001', occurredAt: '2026-04-10T10:00:00Z' });
    // 5001: the arrival is placed 15 days after it arrived (51 after its first enrolment); an in-house case still runs.
    await place('5001', moved.id, '2026-04-25T10:00:00Z');
    await enrol('5001', 5, false, '2026-04-03T10:00:00Z');
  }, 60_000);
  afterAll(async () => {
    await running.close();
  });

  const row = (figures: object) => ({
    active: 0,
    placed: 0,
    exited: 0,
    transferredIn: 0,
    transferredOut: 0,
    medianDaysToPlacement: null,
    ...figures,
  });

  it('leaves the transferred case out of the sending office’s placement rate, and counts it there as transferred out', async () => {
    const answer = await get(`offices/0314/outcomes?${PERIOD}`, tokens.manager);
    const external = row({ enrolled: 2, placed: 1, transferredOut: 1, placementRate: 1, medianDaysToPlacement: 30 });
    const inHouse = row({ enrolled: 2, placed: 1, exited: 1, placementRate: 0.5, medianDaysToPlacement: 20 });
    expect(answer.totals).toEqual([
      { followUpMode: 'EXTERNAL', ...external },
      { followUpMode: 'IN_HOUSE', ...inHouse },
    ]);
    expect(answer.cohorts).toEqual([
      { month: '2026-03', followUpMode: 'EXTERNAL', ...external },
      { month: '2026-03', followUpMode: 'IN_HOUSE', ...inHouse },
    ]);
    expect(answer.byMeasure).toEqual([
      { measureCode: 'INDJOBSTOT', followUpMode: 'IN_HOUSE', ...inHouse },
      { measureCode: 'INDOPPFAG', followUpMode: 'EXTERNAL', ...external },
    ]);
  });

  it('counts the arrival at the receiving office in the cohort of its arrival month, its days to placement from the arrival', async () => {
    const answer = await get(`offices/5001/outcomes?${PERIOD}`, tokens.manager);
    const external = row({ enrolled: 1, placed: 1, transferredIn: 1, placementRate: 1, medianDaysToPlacement: 15 });
    const inHouse = row({ enrolled: 1, active: 1, placementRate: 0 });
    expect(answer.totals).toEqual([
      { followUpMode: 'EXTERNAL', ...external },
      { followUpMode: 'IN_HOUSE', ...inHouse },
    ]);
    expect(answer.cohorts).toEqual([
      { month: '2026-04', followUpMode: 'EXTERNAL', ...external },
      { month: '2026-04', followUpMode: 'IN_HOUSE', ...inHouse },
    ]);
    expect(answer.byMeasure).toEqual([
      { measureCode: 'INDJOBSTOT', followUpMode: 'IN_HOUSE', ...inHouse },
      { measureCode: 'INDOPPFAG', followUpMode: 'EXTERNAL', ...external },
    ]);
  });

  it('sets both offices side by side with the same rule', async () => {
    const answer = await get(`offices?${PERIOD}`);
    const none = { employerContacts: 0, uniqueEmployers: 0, contactsPerAdvisor: 0, followUpGaps: 0 };
    // No employer contacts and no inquiries in this test: issue 17's figures are all zero (the median null).
    const noInquiries = {
      contactsFromOtherOffices: 0,
      inquiriesReceived: 0,
      inquiriesAnsweredWithinDeadline: 0,
      inquiriesAnsweredLate: 0,
      inquiriesOverdue: 0,
      medianHoursToFirstContact: null,
    };
    expect(answer.offices).toEqual([
      { officeNumber: '0314', ...none, ...noInquiries, enrolled: 4, placed: 2, transferredIn: 0, transferredOut: 1, placementRate: 0.667 },
      { officeNumber: '5001', ...none, ...noInquiries, enrolled: 2, placed: 1, transferredIn: 1, transferredOut: 0, placementRate: 0.5 },
    ]);
  });

  it('compares the provider over the cases that ended or still run with it at each office', async () => {
    const answer = await get(`providers?${PERIOD}`);
    // Three external cases started with the provider (two at 0314, the arrival at 5001); one left 0314 by transfer.
    expect(answer.providers).toEqual([
      {
        providerOrgNumber: ORG.nav,
        enrolled: 3,
        placed: 2,
        transferredIn: 1,
        transferredOut: 1,
        placementRate: 1,
        offices: ['0314', '5001'],
      },
    ]);
  });
});
