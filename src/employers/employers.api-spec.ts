import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import { startApp, type RunningApp } from '../../test/app-harness.js';
import { advisor, manager, ORG, recently } from '../../test/fixtures.js';

describe('employer outreach over HTTP', () => {
  let running: RunningApp;
  let store: EventStore;
  let token: string;
  const contacts = '/api/v1/offices/0314/employer-contacts';
  const contact = {
    orgNumber: ORG.builder,
    employerName: 'Byggmester AS',
    naceCode: '41.200',
    channel: 'VISIT',
    theme: 'RECRUITMENT',
    occurredAt: recently(),
  };

  beforeAll(async () => {
    running = await startApp({ EVENT_STORE: 'memory' });
    store = running.app.get(EVENT_STORE);
    token = await running.tokenFor(advisor('0314'));
  });
  afterAll(async () => {
    await running.close();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    running.http
      .post(path)
      .set({ authorization: `Bearer ${token}`, ...headers })
      .send(body as object);

  /** A refused command appends nothing: the office's log is as it was. */
  const expectNothingAppended = async (before: number) => expect(await store.headPosition()).toBe(before);

  it('records an employer contact: 201 with id, stream, revision and position, and stores the event', async () => {
    const response = await post(contacts, contact).expect(201);
    expect(response.body).toMatchObject({ streamId: `office-0314.employer-${ORG.builder}`, revision: 0 });
    const [stored] = await store.readStream(response.body.streamId);
    expect(stored).toMatchObject({
      type: 'EmployerContacted',
      position: response.body.position,
      data: { contactId: response.body.id, orgNumber: ORG.builder, naceSection: 'F', channel: 'VISIT', navIdent: 'Z123456' },
      metadata: { actor: 'Z123456', officeNumber: '0314', schemaVersion: 3 },
    });
    // Written as v3, not upcast on the way out.
    expect(stored!.metadata).not.toHaveProperty('storedSchemaVersion');
  });

  it('lists every violation at once, unknown fields included, and appends nothing (400)', async () => {
    const before = await store.headPosition();
    const response = await post(contacts, { orgNumber: '974760674', channel: 'FAX', occurredAt: 'yesterday', colour: 'blue' }).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    const paths = response.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['channel', 'colour', 'occurredAt', 'orgNumber', 'theme']);
    await expectNothingAppended(before);
  });

  it('refuses a note with an 11-digit number without echoing it, and a note not confirmed free of personal data (400)', async () => {
    const before = await store.headPosition();
    const withId = await post(contacts, { ...contact, note: 'gjelder 13097248022', noPersonalData: true }).expect(400);
    expect(withId.body.code).toBe('NOTE.CONTAINS_PERSONAL_ID');
    expect(JSON.stringify(withId.body)).not.toContain('13097248022');
    const unconfirmed = await post(contacts, { ...contact, note: 'trenger folk' }).expect(400);
    expect(unconfirmed.body).toMatchObject({ code: 'NOTE.PERSONAL_DATA_NOT_CONFIRMED', errors: [{ path: 'noPersonalData' }] });
    await expectNothingAppended(before);
  });

  it('refuses a contact more than five minutes in the future (400)', async () => {
    const response = await post(contacts, { ...contact, occurredAt: new Date(Date.now() + 10 * 60_000).toISOString() }).expect(400);
    expect(response.body.code).toBe('OCCURRED_AT.IN_THE_FUTURE');
  });

  it('refuses a body that is not JSON (400)', async () => {
    const response = await running.http
      .post(contacts)
      .set({ authorization: `Bearer ${token}`, 'content-type': 'application/json' })
      .send('{"orgNumber":')
      .expect(400);
    expect(response.body).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED' });
  });

  it('needs a token (401) and a valid one (401)', async () => {
    const none = await running.http.post(contacts).send(contact).expect(401);
    expect(none.body).toMatchObject({ status: 401, code: 'AUTH.UNAUTHENTICATED' });
    await running.http.post(contacts).set({ authorization: 'Bearer not.a.jwt' }).send(contact).expect(401);
  });

  it('refuses an advisor of another office and a manager (403)', async () => {
    const before = await store.headPosition();
    const otherOffice = await running.http
      .post('/api/v1/offices/5001/employer-contacts')
      .set({ authorization: `Bearer ${token}` })
      .send(contact)
      .expect(403);
    expect(otherOffice.body).toMatchObject({ status: 403, code: 'AUTH.FORBIDDEN' });
    const managerToken = await running.tokenFor(manager('0314'));
    await running.http
      .post(contacts)
      .set({ authorization: `Bearer ${managerToken}` })
      .send(contact)
      .expect(403);
    await expectNothingAppended(before);
  });

  it('answers a retried Idempotency-Key with the first answer and appends nothing; another body under it is 422', async () => {
    const first = await post(contacts, contact, { 'idempotency-key': 'contact-42' }).expect(201);
    const before = await store.headPosition();
    const again = await post(contacts, contact, { 'idempotency-key': 'contact-42' }).expect(201);
    expect(again.body).toEqual(first.body);
    await expectNothingAppended(before);
    const reused = await post(contacts, { ...contact, channel: 'PHONE' }, { 'idempotency-key': 'contact-42' }).expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY.REUSED');
    await expectNothingAppended(before);
  });

  it('appends with a matching If-Match and refuses a stale one (412)', async () => {
    const orgNumber = ORG.nav;
    const first = await post(contacts, { ...contact, orgNumber }).expect(201);
    await post(contacts, { ...contact, orgNumber }, { 'if-match': `"${first.body.revision}"` }).expect(201);
    const before = await store.headPosition();
    const stale = await post(contacts, { ...contact, orgNumber }, { 'if-match': `"${first.body.revision}"` }).expect(412);
    expect(stale.body.code).toBe('REVISION.MISMATCH');
    await expectNothingAppended(before);
    await post(contacts, { ...contact, orgNumber }, { 'if-match': 'soon' }).expect(400);
  });

  it('registers a recruitment need and closes it once (201, then 409), unknown needs are 404', async () => {
    const needs = '/api/v1/offices/0314/recruitment-needs';
    const need = await post(needs, { orgNumber: ORG.builder, positions: 3, occupation: 'tømrer', occurredAt: recently(120) }).expect(201);
    expect(need.body.streamId).toBe(`office-0314.need-${need.body.id}`);
    const closed = await post(`${needs}/${need.body.id}/close`, { result: 'FILLED', occurredAt: recently() }).expect(201);
    expect(closed.body).toMatchObject({ id: need.body.id, revision: 1 });
    const before = await store.headPosition();
    const again = await post(`${needs}/${need.body.id}/close`, { result: 'CANCELLED', occurredAt: recently() }).expect(409);
    expect(again.body.code).toBe('RECRUITMENT_NEED.ALREADY_CLOSED');
    const unknown = await post(`${needs}/0190f3a0-0000-7000-8000-000000000000/close`, { result: 'FILLED', occurredAt: recently() }).expect(
      404,
    );
    expect(unknown.body.code).toBe('RECRUITMENT_NEED.NOT_FOUND');
    await post(`${needs}/not-an-id/close`, { result: 'FILLED', occurredAt: recently() }).expect(404);
    await expectNothingAppended(before);
    await post(needs, { orgNumber: ORG.builder, positions: 0, occupation: '', occurredAt: recently() }).expect(400);
  });
});
