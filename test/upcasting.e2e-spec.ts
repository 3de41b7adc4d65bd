import { randomUUID } from 'node:crypto';
import { UpcastingEventStore, type EventStore, type NewEvent } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import { ObservedEventStore } from '../src/infrastructure/observed-event-store.js';
import { startApp, type RunningApp } from './app-harness.js';
import { advisor, auditor, ORG, recently } from './fixtures.js';

/** EmployerContacted as v1 wrote it: no theme. */
const contactedV1 = (office: string, schemaVersion = 1): NewEvent => ({
  type: 'EmployerContacted',
  data: { contactId: randomUUID(), orgNumber: ORG.builder, channel: 'PHONE', occurredAt: '2026-03-10T10:00:00Z', navIdent: 'Z123456' },
  metadata: {
    actor: 'Z123456',
    officeNumber: office,
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    schemaVersion,
  },
});

/**
 * An old event stored as it was, bypassing commands, and read back in its current shape on every
 * read path of the app on PostgreSQL: the live view, the verify replay, history and a command's load.
 */
describe('old event versions, upcast on every read (PostgreSQL)', () => {
  let running: RunningApp;
  let store: EventStore;
  let raw: EventStore;
  let position: number;
  const stream = `office-0314.employer-${ORG.builder}`;

  beforeAll(async () => {
    running = await startApp({ EVENT_STORE: 'postgres' });
    store = running.app.get(EVENT_STORE);
    // The adapter underneath: what it stores is exactly what is given, v1 and all.
    raw = (store as UpcastingEventStore).inner;
    position = (await raw.append(stream, [contactedV1('0314')])).position;
  });
  afterAll(async () => {
    await running.close();
  });

  it('provides EVENT_STORE as the upcasting decorator over the real adapter, so every reader of the token gets it', () => {
    expect(store).toBeInstanceOf(UpcastingEventStore);
    // Between the two only timing and tracing, which pass every append and read through as they are.
    expect(raw).toBeInstanceOf(ObservedEventStore);
    expect((raw as unknown as ObservedEventStore).inner.constructor.name).toBe('PostgresEventStore');
  });

  it('counts a v1 contact as general outreach in the live engagement view, and a fresh replay agrees', async () => {
    const token = await running.tokenFor({ navIdent: 'A123456', roles: ['auditor', 'admin'], offices: [] });
    const view = await running.http
      .get(`/api/v1/offices/0314/engagement?from=2026-03&to=2026-03&minPosition=${position}`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    expect(view.body.months[0]).toMatchObject({ month: '2026-03', employerContacts: 1, byTheme: { GENERAL_OUTREACH: 1 } });
    const verify = await running.http
      .get('/api/v1/admin/projections/engagement/verify?office=0314')
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    expect(verify.body).toMatchObject({ equal: true, differenceCount: 0 });
  });

  it('shows the v1 contact in history as v3 with its theme and no service, saying it is stored as v1', async () => {
    const response = await running.http
      .get('/api/v1/offices/0314/history?types=EmployerContacted')
      .set('authorization', `Bearer ${await running.tokenFor(auditor())}`)
      .expect(200);
    expect(response.body.events[0]).toMatchObject({
      position,
      type: 'EmployerContacted',
      data: { theme: 'GENERAL_OUTREACH', service: null, channel: 'PHONE' },
      metadata: { schemaVersion: 3, storedSchemaVersion: 1 },
    });
    const [stored] = await raw.readStream(stream);
    expect(stored!.data).not.toHaveProperty('theme');
    expect(stored!.metadata.schemaVersion).toBe(1);
  });

  it('loads the v1 event in a command handler and appends after it as v3', async () => {
    const token = await running.tokenFor(advisor('0314'));
    const response = await running.http
      .post('/api/v1/offices/0314/employer-contacts')
      .set({ authorization: `Bearer ${token}`, 'if-match': '"0"' })
      .send({ orgNumber: ORG.builder, channel: 'VISIT', theme: 'RECRUITMENT', occurredAt: recently() })
      .expect(201);
    expect(response.body).toMatchObject({ streamId: stream, revision: 1 });
    const stored = await raw.readStream(stream);
    expect(stored.map((e) => e.metadata.schemaVersion)).toEqual([1, 3]);
  });

  it('fails a command loudly (500, nothing appended) when its stream holds an event newer than the code', async () => {
    const newer = `office-0315.employer-${ORG.builder}`;
    await raw.append(newer, [contactedV1('0315', 4)]);
    const token = await running.tokenFor(advisor('0315'));
    const response = await running.http
      .post('/api/v1/offices/0315/employer-contacts')
      .set({ authorization: `Bearer ${token}` })
      .send({ orgNumber: ORG.builder, channel: 'VISIT', theme: 'RECRUITMENT', occurredAt: recently() })
      .expect(500);
    expect(response.body).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(await raw.readStream(newer)).toHaveLength(1);
  });
});
