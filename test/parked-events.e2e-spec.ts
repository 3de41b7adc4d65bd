import { randomUUID } from 'node:crypto';
import { officeStream, type EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import { engagementProjection } from '../src/employers/engagement/engagement.projection.js';
import { startApp, type RunningApp } from './app-harness.js';
import { advisor, ORG, recently } from './fixtures.js';

/**
 * Issue 12: one event a view cannot apply (here a contact whose time is no time, appended straight
 * to the store as a corrupt or mis-upcast event would be) must not stop that view for the country.
 */
describe('an event a view cannot apply (PostgreSQL)', () => {
  let running: RunningApp;
  let store: EventStore;
  const tokens: Record<string, string> = {};
  let poison: number;

  beforeAll(async () => {
    running = await startApp({ EVENT_STORE: 'postgres' });
    store = running.app.get(EVENT_STORE);
    tokens['0314'] = await running.tokenFor(advisor('0314'));
    tokens['5001'] = await running.tokenFor(advisor('5001', 'Z500001'));
    tokens.staff = await running.tokenFor({ navIdent: 'X123456', roles: ['admin', 'auditor'], offices: [] });
  });
  afterAll(async () => {
    await running.close();
  });

  const contact = (office: string, body: Record<string, unknown> = {}) =>
    running.http
      .post(`/api/v1/offices/${office}/employer-contacts`)
      .set('authorization', `Bearer ${tokens[office]}`)
      .send({ orgNumber: ORG.builder, channel: 'VISIT', theme: 'RECRUITMENT', occurredAt, ...body });
  const get = (path: string) => running.http.get(path).set('authorization', `Bearer ${tokens.staff}`);
  // One moment for every contact, and its month for every read: an hour ago is last month for the
  // first hour of a month, so the month of "now" would miss them then.
  const occurredAt = recently();
  const contactsMonth = () => occurredAt.slice(0, 7);
  const contactsOf = async (office: string, minPosition: number) => {
    const view = await get(
      `/api/v1/offices/${office}/engagement?from=${contactsMonth()}&to=${contactsMonth()}&minPosition=${minPosition}`,
    ).expect(200);
    return view.body.months[0].employerContacts as number;
  };

  it('answers the repro of the issue (a contact in year 0999) with 400 naming occurredAt, appending nothing', async () => {
    const head = await store.headPosition();
    const refused = await contact('0314', { occurredAt: '0999-06-15T12:00:00+00:00' }).expect(400);
    expect(refused.body).toMatchObject({
      code: 'OCCURRED_AT.TOO_EARLY',
      errors: [{ path: 'occurredAt', message: 'must not be before 2000-01-01T00:00:00.000Z' }],
    });
    expect(await store.headPosition()).toBe(head);
  });

  it("parks the event, and every office's view, that office's included, keeps moving", async () => {
    const before = (await contact('0314').expect(201)).body.position;
    expect(await contactsOf('0314', before)).toBe(1);
    const appended = await store.append(
      officeStream('0314', 'employer', ORG.builder),
      [
        {
          type: 'EmployerContacted',
          data: {
            contactId: randomUUID(),
            orgNumber: ORG.builder,
            channel: 'PHONE',
            theme: 'RECRUITMENT',
            occurredAt: 'not a time',
            navIdent: 'Z123456',
          },
          metadata: {
            actor: 'Z123456',
            officeNumber: '0314',
            commandId: randomUUID(),
            correlationId: randomUUID(),
            causationId: randomUUID(),
            schemaVersion: 2,
          },
        },
      ],
      { expectedRevision: 'any' },
    );
    poison = appended.position;

    const at5001 = (await contact('5001').expect(201)).body.position;
    const at0314 = (await contact('0314').expect(201)).body.position;
    expect(await contactsOf('5001', at5001)).toBe(1);
    expect(await contactsOf('0314', at0314)).toBe(2);
  });

  it('shows the view degraded in the admin status, /health and /metrics, and lists the parked event', async () => {
    const statuses = (await get('/api/v1/admin/projections').expect(200)).body.projections as {
      name: string;
      status: string;
      parkedEvents: number;
    }[];
    expect(statuses.find((s) => s.name === 'engagement')).toMatchObject({ status: 'degraded', parkedEvents: 1 });

    const health = await running.http.get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'degraded', database: 'up', eventStore: 'up' });
    expect(health.body.degradedViews).toContain('engagement');

    const metrics = (await running.http.get('/metrics').expect(200)).text;
    expect(metrics).toContain('projection_parked_events{projection="engagement"} 1');

    const parked = await get('/api/v1/admin/projections/engagement/parked').expect(200);
    expect(parked.body).toEqual({
      projection: 'engagement',
      parkedEvents: [
        {
          position: poison,
          // The version of the engagement view's code that parked it.
          version: engagementProjection.version,
          eventType: 'EmployerContacted',
          streamId: officeStream('0314', 'employer', ORG.builder),
          keys: [],
          error: expect.stringContaining('Invalid time value'),
          parkedAt: expect.any(String),
        },
      ],
    });
  });

  it('replays as of a moment leaving the event out as the live view does, and verifies equal', async () => {
    const head = await store.headPosition();
    const replay = await get(`/api/v1/offices/0314/engagement?from=${contactsMonth()}&to=${contactsMonth()}&asOfPosition=${head}`).expect(
      200,
    );
    expect(replay.body.months[0].employerContacts).toBe(2);
    expect(replay.body.parkedEvents).toEqual(expect.arrayContaining([{ view: 'engagement', position: poison }]));
    await get(`/api/v1/offices?asOfPosition=${head}`).expect(200);
    expect((await get('/api/v1/admin/projections/engagement/verify?office=0314').expect(200)).body).toMatchObject({ equal: true });
  });

  it('retries the parked events with a rebuild on request; still failing, they are parked again', async () => {
    const retry = await running.http
      .post('/api/v1/admin/projections/engagement/parked/retry')
      .set('authorization', `Bearer ${tokens.staff}`)
      .expect(202);
    expect(retry.body).toMatchObject({ retrying: 1 });
    const deadline = Date.now() + 20_000;
    let status: { status: string; parkedEvents: number; rebuild: unknown } | undefined;
    while (Date.now() < deadline) {
      status = (await get('/api/v1/admin/projections').expect(200)).body.projections.find((s: { name: string }) => s.name === 'engagement');
      if (status!.rebuild === null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toMatchObject({ status: 'degraded', parkedEvents: 1, rebuild: null });
    expect(await contactsOf('0314', (await contact('0314').expect(201)).body.position)).toBe(3);
  });
});
