import { EVENT_STORE, type EventStore } from '@app/event-store';
import { startApp, type RunningApp } from './app-harness.js';
import { ORG, twoOfficeTokens } from './fixtures.js';

const HOUR = 3_600_000;
type Month = {
  month: string;
  received: number;
  answeredWithinDeadline: number;
  answeredLate: number;
  open: number;
  openOverdue: number;
  medianHoursToFirstContact: number | null;
};

/**
 * Through HTTP only, on PostgreSQL: inquiries received before Easter, on Fridays and before Whit
 * Monday, answered by contacts, closed, or left open; each view against a direct count, and as of
 * moments before and after a closing.
 */
describe('employer inquiries and their deadline (PostgreSQL)', () => {
  let running: RunningApp;
  let store: EventStore;
  const tokens: Record<string, string> = {};
  let last = 0;
  const ids: Record<string, string> = {};

  const post = async (office: string, path: string, body: object, status = 201) => {
    const response = await running.http
      .post(`/api/v1/offices/${office}/${path}`)
      .set('authorization', `Bearer ${tokens[office]}`)
      .send(body);
    expect({ path, status: response.status, body: response.body }).toMatchObject({ status });
    if (status === 201) last = Math.max(last, response.body.position);
    return response.body;
  };
  const get = async (path: string, time = `minPosition=${last}`) =>
    (
      await running.http
        .get(`/api/v1/${path}${path.includes('?') ? '&' : '?'}${time}`)
        .set('authorization', `Bearer ${tokens.manager}`)
        .expect(200)
    ).body;

  // Received at (Oslo time) and what the deadline must be: two Norwegian working days later, same time of day.
  const inquiries = {
    easter: { receivedAt: '2026-04-01T15:00:00+02:00', dueAt: '2026-04-08T13:00:00.000Z' }, // Wed before Easter → Wed 8 April 15:00
    friday: { receivedAt: '2026-04-17T09:00:00+02:00', dueAt: '2026-04-21T07:00:00.000Z' }, // Fri → Tue 09:00
    // Fri → Tue 09:00, never answered until closed late
    open: { receivedAt: '2026-04-24T09:00:00+02:00', dueAt: '2026-04-28T07:00:00.000Z' },
    whitsun: { receivedAt: '2026-05-22T09:00:00+02:00', dueAt: '2026-05-27T07:00:00.000Z' }, // Fri before Whit Monday → Wed 09:00
    march: { receivedAt: '2026-03-06T09:00:00+01:00', dueAt: '2026-03-10T08:00:00.000Z' }, // Fri → Tue 09:00 (winter time)
  };
  // First contacts: at the deadline to the second (within), three hours after it (late).
  const firstContacts = { easter: '2026-04-08T13:00:00Z', friday: '2026-04-21T10:00:00Z' };

  beforeAll(async () => {
    running = await startApp({ EVENT_STORE: 'postgres' });
    store = running.app.get(EVENT_STORE);
    Object.assign(tokens, await twoOfficeTokens(running.tokenFor));
    for (const [name, { receivedAt }] of Object.entries(inquiries)) {
      ids[name] = (
        await post('0314', 'inquiries', { orgNumber: ORG.builder, source: 'CONTACT_FORM', theme: 'RECRUITMENT', receivedAt })
      ).id;
    }
  }, 120_000);
  afterAll(async () => {
    await running.close();
  });

  it('sets each deadline two Norwegian working days after receipt: over Easter, over a weekend, over Whit Monday', async () => {
    const overdue = await get('offices/0314/inquiries/overdue');
    const due = Object.fromEntries(overdue.inquiries.map((i: { inquiryId: string; dueAt: string }) => [i.inquiryId, i.dueAt]));
    expect(due).toEqual(Object.fromEntries(Object.entries(inquiries).map(([name, i]) => [ids[name], i.dueAt])));
    // Oldest deadline first.
    expect(overdue.inquiries.map((i: { dueAt: string }) => i.dueAt)).toEqual(
      Object.values(inquiries)
        .map((i) => i.dueAt)
        .sort(),
    );
  });

  it('answers inquiries by contacts that name them, and closes one with a reason', async () => {
    const taken = await post('0314', `inquiries/${ids.easter}/take`, {});
    // Taking it again changes nothing: the same revision and position, nothing appended.
    const head = await store.headPosition();
    expect(await post('0314', `inquiries/${ids.easter}/take`, {})).toEqual(taken);
    expect(await store.headPosition()).toBe(head);
    const contact = { orgNumber: ORG.builder, channel: 'PHONE', theme: 'RECRUITMENT' };
    await post('0314', 'employer-contacts', { ...contact, service: 'JOB_FAIR', occurredAt: firstContacts.easter, inquiryId: ids.easter });
    await post('0314', 'employer-contacts', { ...contact, occurredAt: firstContacts.friday, inquiryId: ids.friday });
    await post('0314', `inquiries/${ids.march}/close`, { reason: 'CONTACTED_MEETING_AGREED', occurredAt: '2026-03-09T12:00:00Z' });
    const overdue = await get('offices/0314/inquiries/overdue');
    expect(overdue.inquiries.map((i: { inquiryId: string }) => i.inquiryId)).toEqual([ids.open, ids.whitsun]);
    expect(overdue.count).toBe(2);
  });

  it('counts per month as a direct count does: within, late, overdue, median hours to first contact', async () => {
    const { months, now } = await get('offices/0314/inquiries?from=2026-03&to=2026-05');
    const hours = Object.entries(firstContacts).map(
      ([name, at]) => (Date.parse(at) - Date.parse(inquiries[name as 'easter'].receivedAt)) / HOUR,
    );
    expect(hours).toEqual([168, 99]);
    const direct = (month: string, extra: Partial<Month>): Month => ({
      month,
      received: 0,
      answeredWithinDeadline: 0,
      answeredLate: 0,
      open: 0,
      openOverdue: 0,
      medianHoursToFirstContact: null,
      ...extra,
    });
    expect(Date.parse(now)).toBeGreaterThan(Date.parse(inquiries.whitsun.dueAt));
    expect(months).toEqual([
      direct('2026-03', { received: 1, answeredWithinDeadline: 1 }),
      direct('2026-04', {
        received: 3,
        answeredWithinDeadline: 1,
        answeredLate: 1,
        openOverdue: 1,
        medianHoursToFirstContact: (hours[0]! + hours[1]!) / 2,
      }),
      direct('2026-05', { received: 1, openOverdue: 1 }),
    ]);
  });

  it('shows as of a moment before and after a closing exactly what was live then', async () => {
    const views = ['offices/0314/inquiries?from=2026-03&to=2026-05', 'offices/0314/inquiries/overdue', 'offices?from=2026-03&to=2026-05'];
    const figures = ({ position: _p, asOf: _a, asOfPosition: _ap, ...rest }: Record<string, unknown>) => rest;
    const before = await Promise.all(views.map((view) => get(view)));
    await post('0314', `inquiries/${ids.open}/close`, { reason: 'NO_CONTACT_TRIED_SEVERAL_TIMES', occurredAt: '2026-05-02T10:00:00Z' });
    const after = await Promise.all(views.map((view) => get(view)));
    expect(after[1].inquiries.map((i: { inquiryId: string }) => i.inquiryId)).toEqual([ids.whitsun]);
    expect(after[0].months[1]).toMatchObject({ answeredLate: 2, openOverdue: 0 });
    const office = (answer: { offices: { officeNumber: string }[] }) => answer.offices.find((o) => o.officeNumber === '0314');
    expect(office(before[2])).toMatchObject({
      inquiriesReceived: 5,
      inquiriesAnsweredWithinDeadline: 2,
      inquiriesAnsweredLate: 1,
      inquiriesOverdue: 2,
      medianHoursToFirstContact: 133.5,
    });
    expect(office(after[2])).toMatchObject({
      inquiriesReceived: 5,
      inquiriesAnsweredWithinDeadline: 2,
      inquiriesAnsweredLate: 2,
      inquiriesOverdue: 1,
    });
    for (const [n, view] of views.entries()) {
      // A live answer's "now" (the offices' has none: the inquiries' of the same moment) replayed must show the same.
      for (const [live, moment] of [
        [before[n], before[0]],
        [after[n], after[0]],
      ]) {
        const replayed = await get(view, `asOf=${encodeURIComponent(live.now ?? moment.now)}`);
        expect(figures(replayed)).toEqual(figures(live));
      }
    }
  });

  it("refuses a contact naming an unknown inquiry (404) or another employer's (400), appending nothing", async () => {
    const head = await store.headPosition();
    const contact = { channel: 'PHONE', theme: 'RECRUITMENT', occurredAt: '2026-05-23T10:00:00Z' };
    const unknown = await post(
      '0314',
      'employer-contacts',
      { ...contact, orgNumber: ORG.builder, inquiryId: '0190f3a0-0000-7000-8000-000000000000' },
      404,
    );
    expect(unknown.code).toBe('INQUIRY.NOT_FOUND');
    const other = await post('0314', 'employer-contacts', { ...contact, orgNumber: ORG.nav, inquiryId: ids.whitsun }, 400);
    expect(other).toMatchObject({ code: 'INQUIRY.OTHER_EMPLOYER', errors: [{ path: 'inquiryId' }] });
    expect(await store.headPosition()).toBe(head);
  });

  it('refuses a service of another theme, naming both (400), and counts contacts by service', async () => {
    const head = await store.headPosition();
    const refused = await post(
      '0314',
      'employer-contacts',
      { orgNumber: ORG.builder, channel: 'PHONE', theme: 'DOWNSIZING', service: 'JOB_FAIR', occurredAt: '2026-04-09T10:00:00Z' },
      400,
    );
    expect(refused).toMatchObject({ status: 400, code: 'SERVICE.NOT_IN_THEME', errors: [{ path: 'service' }] });
    expect(JSON.stringify(refused)).toMatch(/JOB_FAIR.*DOWNSIZING/);
    expect(await store.headPosition()).toBe(head);
    await post('0314', 'employer-contacts', {
      orgNumber: ORG.builder,
      channel: 'PHONE',
      theme: 'DOWNSIZING',
      service: 'TEMPORARY_LAYOFF',
      occurredAt: '2026-04-09T10:00:00Z',
    });
    const [april] = (await get('offices/0314/engagement?from=2026-04&to=2026-04')).months;
    expect(april).toMatchObject({ employerContacts: 3, byTheme: { RECRUITMENT: 2, DOWNSIZING: 1 } });
    expect(april.byService).toMatchObject({ JOB_FAIR: 1, TEMPORARY_LAYOFF: 1, RECRUITMENT_ASSIGNMENT: 0 });
  });

  it("counts contacts by other offices' advisors at the home office: the first office to contact, or the one registered", async () => {
    // 0314 contacted the builder first, so it is the builder's home office.
    const served = await post('5001', 'employer-contacts', {
      orgNumber: ORG.builder,
      channel: 'VISIT',
      theme: 'RECRUITMENT',
      occurredAt: '2026-04-10T10:00:00Z',
    });
    const [stored] = await store.readStream(served.streamId);
    expect(stored!.data).toMatchObject({ employerOfficeNumber: '0314', service: null });
    const registered = await post('5001', `employers/${ORG.nav}/home-office`, {});
    expect(registered).toMatchObject({ id: ORG.nav, streamId: `employer-home-${ORG.nav}`, revision: 0 });
    expect(await post('5001', `employers/${ORG.nav}/home-office`, {})).toEqual(registered);
    await post('0314', 'employer-contacts', {
      orgNumber: ORG.nav,
      channel: 'PHONE',
      theme: 'GENERAL_OUTREACH',
      service: 'COMPANY_VISIT',
      occurredAt: '2026-04-11T10:00:00Z',
    });
    const month = async (office: string) => (await get(`offices/${office}/engagement?from=2026-04&to=2026-04`)).months[0];
    expect(await month('0314')).toMatchObject({ employerContacts: 4, contactsFromOtherOffices: 1 });
    expect(await month('5001')).toMatchObject({ employerContacts: 1, contactsFromOtherOffices: 1 });
    const offices = (await get('offices?from=2026-04&to=2026-04')).offices;
    expect(
      offices.map((o: { officeNumber: string; contactsFromOtherOffices: number }) => [o.officeNumber, o.contactsFromOtherOffices]),
    ).toEqual([
      ['0314', 1],
      ['5001', 1],
    ]);
    // Replayed for one office, the figure is the same: the home office's own log holds it.
    expect((await get('offices/5001/engagement?from=2026-04&to=2026-04', `asOfPosition=${last}`)).months[0]).toMatchObject({
      contactsFromOtherOffices: 1,
    });
  });

  it("documents the new routes in OpenAPI, with the contact's service and inquiry", async () => {
    const document = (await running.http.get('/docs-json').expect(200)).body;
    const commands = ['inquiries', 'inquiries/{inquiryId}/take', 'inquiries/{inquiryId}/close', 'employers/{orgNumber}/home-office'];
    for (const path of commands) expect(document.paths[`/api/v1/offices/{officeNumber}/${path}`]?.post).toBeDefined();
    for (const path of ['inquiries', 'inquiries/overdue'])
      expect(document.paths[`/api/v1/offices/{officeNumber}/${path}`]?.get).toBeDefined();
    const contact = JSON.stringify(document.paths['/api/v1/offices/{officeNumber}/employer-contacts'].post.requestBody);
    expect(contact).toContain('IPS_JOB_DEVELOPMENT');
    expect(contact).toContain('inquiryId');
  });
});
