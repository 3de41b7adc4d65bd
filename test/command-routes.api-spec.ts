import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import { startApp, type RunningApp } from './app-harness.js';
import { advisor, manager, ORG, PERSON_ID, recently } from './fixtures.js';

/**
 * Every command route of the contract, each through the same gauntlet: 201, 400 (unknown field,
 * missing field), 401, 403 (other office, wrong role), 412, 422, and 404/409 where they apply.
 * After every refusal the log has not moved.
 */
describe('every command route', () => {
  let running: RunningApp;
  let store: EventStore;
  let token: string;
  const base = '/api/v1/offices/0314';
  const unknownId = '0190f3a0-0000-7000-8000-000000000000';

  beforeAll(async () => {
    running = await startApp({ EVENT_STORE: 'memory' });
    store = running.app.get(EVENT_STORE);
    token = await running.tokenFor(advisor('0314'));
  });
  afterAll(async () => {
    await running.close();
  });

  const post = (path: string, body: object, headers: Record<string, string> = {}, bearer = token) =>
    running.http
      .post(path)
      .set({ authorization: `Bearer ${bearer}`, ...headers })
      .send(body);
  const newCase = async () =>
    (
      await post(`${base}/cases`, {
        personId: PERSON_ID,
        needGroup: 'STANDARD',
        followUpMode: 'IN_HOUSE',
        measureCode: 'ARBTREN',
        occurredAt: recently(600),
      }).expect(201)
    ).body.id as string;
  const newNeed = async () =>
    (
      await post(`${base}/recruitment-needs`, {
        orgNumber: ORG.builder,
        positions: 2,
        occupation: 'kokk',
        occurredAt: recently(600),
      }).expect(201)
    ).body.id as string;

  const newInquiry = async () =>
    (
      await post(`${base}/inquiries`, {
        orgNumber: ORG.builder,
        source: 'CONTACT_CENTRE',
        theme: 'DOWNSIZING',
        receivedAt: recently(600),
      }).expect(201)
    ).body.id as string;

  interface Route {
    name: string;
    /** Makes what the route acts on; returns its path. */
    path: () => Promise<string>;
    body: () => Record<string, unknown>;
    required: string;
    /** A path naming nothing (404), where the route acts on a case or need. */
    unknownPath?: string;
    /** Puts the target in a state where the same body breaks a rule (409). */
    close?: (path: string) => Promise<void>;
  }

  const routes: Route[] = [
    {
      name: 'employer contact',
      path: async () => `${base}/employer-contacts`,
      body: () => ({ orgNumber: ORG.shop, channel: 'PHONE', theme: 'INCLUSION', occurredAt: recently() }),
      required: 'channel',
    },
    {
      name: 'recruitment need',
      path: async () => `${base}/recruitment-needs`,
      body: () => ({ orgNumber: ORG.shop, positions: 1, occupation: 'sjåfør', occurredAt: recently() }),
      required: 'positions',
    },
    {
      name: 'close recruitment need',
      path: async () => `${base}/recruitment-needs/${await newNeed()}/close`,
      body: () => ({ result: 'FILLED', occurredAt: recently() }),
      required: 'result',
      unknownPath: `${base}/recruitment-needs/${unknownId}/close`,
      close: async (path) => void (await post(path, { result: 'CANCELLED', occurredAt: recently() }).expect(201)),
    },
    {
      name: 'close inquiry',
      path: async () => `${base}/inquiries/${await newInquiry()}/close`,
      body: () => ({ reason: 'CONTACTED_NO_NEED', occurredAt: recently() }),
      required: 'reason',
      unknownPath: `${base}/inquiries/${unknownId}/close`,
      close: async (path) => void (await post(path, { reason: 'REFERRED', occurredAt: recently() }).expect(201)),
    },
    {
      name: 'enrolment',
      path: async () => `${base}/cases`,
      body: () => ({
        clientRef: 'c'.repeat(64),
        needGroup: 'PERMANENT',
        followUpMode: 'EXTERNAL',
        measureCode: 'ARBFORB',
        providerOrgNumber: ORG.nav,
        occurredAt: recently(),
      }),
      required: 'measureCode',
    },
    ...(['follow-ups', 'placement', 'exit', 'transfer'] as const).map((step): Route => ({
      name: `case ${step}`,
      path: async () => `${base}/cases/${await newCase()}/${step}`,
      body: () =>
        ({
          'follow-ups': { kind: 'CLIENT_CALL', occurredAt: recently() },
          placement: {
            orgNumber: ORG.builder,
            startDate: '2027-01-04',
            employmentPercent: 60,
            employmentType: 'TEMPORARY',
            wageSubsidy: true,
            occurredAt: recently(),
          },
          exit: { reason: 'MOVED', occurredAt: recently() },
          transfer: { toOfficeNumber: '5001', occurredAt: recently() },
        })[step],
      required: 'occurredAt',
      unknownPath: `${base}/cases/${unknownId}/${step}`,
      close: async (path) => void (await post(path.replace(/[^/]+$/, 'exit'), { reason: 'OTHER', occurredAt: recently() }).expect(201)),
    })),
  ];

  describe.each(routes)('$name', (route) => {
    let head: number;
    const unmoved = async () => expect(await store.headPosition()).toBe(head);

    it('answers 201 with id, streamId, revision and position of the stored event', async () => {
      const response = await post(await route.path(), route.body()).expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        streamId: expect.stringMatching(/^office-\d{4}\./),
        revision: expect.any(Number),
        position: expect.any(Number),
      });
      const [stored] = await store.readStream(response.body.streamId, { fromRevision: response.body.revision });
      expect(stored!.position).toBe(response.body.position);
    });

    it('refuses an unknown field and a missing one, both listed (400), appending nothing', async () => {
      const path = await route.path();
      head = await store.headPosition();
      const { [route.required]: _, ...missing } = route.body();
      const response = await post(path, { ...missing, sneaky: 1 }).expect(400);
      expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([route.required, 'sneaky'].sort());
      await unmoved();
    });

    it('refuses no token (401), another office (403) and the wrong role (403)', async () => {
      const path = await route.path();
      head = await store.headPosition();
      await running.http.post(path).send(route.body()).expect(401);
      await post(path, route.body(), {}, await running.tokenFor(advisor('5001'))).expect(403);
      await post(path, route.body(), {}, await running.tokenFor(manager('0314'))).expect(403);
      await unmoved();
    });

    it('refuses a stale If-Match (412)', async () => {
      const path = await route.path();
      head = await store.headPosition();
      await post(path, route.body(), { 'if-match': '"41"' }).expect(412);
      await unmoved();
    });

    it('refuses an Idempotency-Key reused with another body (422)', async () => {
      const path = await route.path();
      const key = `key-${route.name}`;
      await post(path, route.body(), { 'idempotency-key': key }).expect(201);
      head = await store.headPosition();
      await post(path, { ...route.body(), occurredAt: recently(1) }, { 'idempotency-key': key }).expect(422);
      await unmoved();
    });

    if (route.unknownPath) {
      it('answers 404 for an unknown id', async () => {
        head = await store.headPosition();
        await post(route.unknownPath!, route.body()).expect(404);
        await unmoved();
      });
    }

    if (route.close) {
      it('answers 409 when the target is already closed', async () => {
        const path = await route.path();
        await route.close!(path);
        head = await store.headPosition();
        const response = await post(path, route.body()).expect(409);
        expect(response.body.code).toMatch(/ALREADY_CLOSED$/);
        await unmoved();
      });
    }
  });
});
