import { pseudonymiseClient } from '../shared/values/personal-id.js';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import { startApp, type RunningApp } from '../../test/app-harness.js';
import { advisor, auditor, ORG, PERSON_ID, recently } from '../../test/fixtures.js';

describe('client follow-up over HTTP', () => {
  let running: RunningApp;
  let store: EventStore;
  let token: string;
  const cases = '/api/v1/offices/0314/cases';
  const external = {
    personId: PERSON_ID,
    needGroup: 'SITUATIONAL',
    followUpMode: 'EXTERNAL',
    measureCode: 'INDOPPFAG',
    providerOrgNumber: ORG.nav,
    occurredAt: recently(600),
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
  const enrol = async (body: object = external) => (await post(cases, body).expect(201)).body as { id: string; streamId: string };
  /** After a refusal the case's stream is exactly what it was. */
  const unchanged = async (streamId: string, revisions: number) =>
    expect((await store.readStream(streamId)).map((e) => e.revision)).toEqual(Array.from({ length: revisions }, (_, i) => i));

  it('enrols a client by personal id: stores only a random subject id, neither the number nor its pseudonym', async () => {
    const created = await enrol();
    const [enrolled] = await store.readStream(created.streamId);
    expect(enrolled).toMatchObject({
      type: 'ClientEnrolled',
      data: { caseId: created.id, followUpMode: 'EXTERNAL', providerOrgNumber: ORG.nav },
    });
    expect((enrolled!.data as { subjectId: string }).subjectId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(JSON.stringify(enrolled)).not.toContain(PERSON_ID);
    expect(JSON.stringify(enrolled)).not.toContain(pseudonymiseClient(PERSON_ID, running.config.clientRefSecret));
  });

  it('refuses an invalid personal id without echoing it, and both or neither of personId and clientRef (400)', async () => {
    const before = await store.headPosition();
    const invalid = await post(cases, { ...external, personId: '13097248023' }).expect(400);
    expect(invalid.body.errors).toEqual([{ path: 'personId', message: 'is not a valid fødselsnummer or D-number' }]);
    expect(JSON.stringify(invalid.body)).not.toContain('13097248023');
    await post(cases, { ...external, clientRef: 'a'.repeat(64) }).expect(400);
    const { personId: _, ...neither } = external;
    await post(cases, neither).expect(400);
    expect(await store.headPosition()).toBe(before);
  });

  it('refuses external follow-up without a provider and in-house with one (400)', async () => {
    const { providerOrgNumber: _, ...noProvider } = external;
    expect((await post(cases, noProvider).expect(400)).body.code).toBe('CASE.PROVIDER_REQUIRED');
    expect((await post(cases, { ...external, followUpMode: 'IN_HOUSE' }).expect(400)).body.code).toBe('CASE.PROVIDER_NOT_ALLOWED');
  });

  it('records follow-ups, then a placement; a placed case takes nothing more (409)', async () => {
    const created = await enrol();
    await post(`${cases}/${created.id}/follow-ups`, { kind: 'PROVIDER_CONTACT', occurredAt: recently(300) }).expect(201);
    const placed = await post(`${cases}/${created.id}/placement`, {
      orgNumber: ORG.builder,
      startDate: '2026-12-01',
      employmentPercent: 100,
      employmentType: 'PERMANENT',
      occurredAt: recently(60),
    }).expect(201);
    expect(placed.body).toMatchObject({ id: created.id, streamId: created.streamId, revision: 2 });
    for (const [path, body] of [
      ['follow-ups', { kind: 'CLIENT_CALL', occurredAt: recently() }],
      ['exit', { reason: 'NO_JOB', occurredAt: recently() }],
      ['transfer', { toOfficeNumber: '5001', occurredAt: recently() }],
    ] as const) {
      const refused = await post(`${cases}/${created.id}/${path}`, body).expect(409);
      expect(refused.body.code).toBe('CASE.ALREADY_CLOSED');
    }
    await unchanged(created.streamId, 3);
  });

  it('refuses a placement outside 1–100 % or before enrolment (400), on an unknown case (404)', async () => {
    const created = await enrol();
    const placement = {
      orgNumber: ORG.builder,
      startDate: '2026-12-01',
      employmentPercent: 101,
      employmentType: 'TEMPORARY',
      occurredAt: recently(),
    };
    const percent = await post(`${cases}/${created.id}/placement`, placement).expect(400);
    expect(percent.body.errors).toEqual([{ path: 'employmentPercent', message: expect.any(String) }]);
    const early = await post(`${cases}/${created.id}/placement`, {
      ...placement,
      employmentPercent: 50,
      occurredAt: recently(60 * 24 * 30),
    }).expect(400);
    expect(early.body.code).toBe('OCCURRED_AT.BEFORE_ENROLMENT');
    await unchanged(created.streamId, 1);
    const unknown = await post(`${cases}/0190f3a0-0000-7000-8000-000000000000/placement`, { ...placement, employmentPercent: 50 }).expect(
      404,
    );
    expect(unknown.body.code).toBe('CASE.NOT_FOUND');
  });

  it('exits a client with a reason (201)', async () => {
    const created = await enrol();
    await post(`${cases}/${created.id}/exit`, { reason: 'HEALTH', occurredAt: recently() }).expect(201);
    expect((await store.readStream(created.streamId)).map((e) => e.type)).toEqual(['ClientEnrolled', 'ClientExited']);
  });

  it('transfers a case: it ends here and continues under a new id at the receiving office', async () => {
    const created = await enrol();
    const moved = await post(`${cases}/${created.id}/transfer`, { toOfficeNumber: '5001', occurredAt: recently() }).expect(201);
    expect(moved.body.streamId).toBe(`office-5001.case-${moved.body.id}`);
    expect((await store.readStream(created.streamId)).map((e) => e.type)).toEqual(['ClientEnrolled', 'ClientTransferredOut']);
    const [arrived] = await store.readStream(moved.body.streamId);
    expect(arrived).toMatchObject({
      type: 'ClientTransferredIn',
      data: { fromOfficeNumber: '0314', fromCaseId: created.id },
      metadata: { officeNumber: '5001' },
    });
    const again = await post(`${cases}/${created.id}/transfer`, { toOfficeNumber: '5001', occurredAt: recently() }).expect(409);
    expect(again.body.code).toBe('CASE.ALREADY_CLOSED');
  });

  it('refuses a transfer to its own office (400) before the case is touched', async () => {
    const created = await enrol();
    const same = await post(`${cases}/${created.id}/transfer`, { toOfficeNumber: '0314', occurredAt: recently() }).expect(400);
    expect(same.body.code).toBe('CASE.TRANSFER_TO_SAME_OFFICE');
    await unchanged(created.streamId, 1);
  });

  it('refuses an auditor (403): commands are for advisors of the office', async () => {
    const auditorToken = await running.tokenFor(auditor());
    await running.http
      .post(cases)
      .set({ authorization: `Bearer ${auditorToken}` })
      .send(external)
      .expect(403);
  });

  it('refuses a stale If-Match on a case (412) and a reused Idempotency-Key with another body (422)', async () => {
    const created = await enrol();
    const followUp = { kind: 'CLIENT_MEETING', occurredAt: recently() };
    await post(`${cases}/${created.id}/follow-ups`, followUp, { 'if-match': '"0"' }).expect(201);
    expect((await post(`${cases}/${created.id}/follow-ups`, followUp, { 'if-match': '"0"' }).expect(412)).body.code).toBe(
      'REVISION.MISMATCH',
    );
    await post(`${cases}/${created.id}/follow-ups`, followUp, { 'idempotency-key': 'k1' }).expect(201);
    await post(`${cases}/${created.id}/follow-ups`, { ...followUp, kind: 'CLIENT_CALL' }, { 'idempotency-key': 'k1' }).expect(422);
    await unchanged(created.streamId, 3);
  });
});
