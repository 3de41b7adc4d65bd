import { EVENT_STORE, type EventStore } from '@app/event-store';
import { DataSource } from 'typeorm';
import { LegacySubjects } from '../src/clients/legacy-subjects.js';
import { pseudonymiseClient } from '../src/shared/values/personal-id.js';
import { startApp, type RunningApp } from './app-harness.js';
import { ORG, PERSON_ID, twoOfficeTokens } from './fixtures.js';

/** A case id as the code before subject ids made them too: a UUID. */
const LEGACY_CASE = '0190f3a0-7c1e-7a3b-9f00-5d2c4e6a8b1d';

/**
 * A log written by the code before subject ids (events v1 carrying the pseudonym `clientRef`):
 * upcast on read to a subject id that is the pseudonym itself, linked once at start, so the client
 * keeps one subject across old and new events and can be erased like anyone else.
 */
describe('clients of events written before subject ids (PostgreSQL)', () => {
  let running: RunningApp;
  let tokens: Record<string, string>;
  let admin: string;
  let clientRef: string;
  const occurredAt = new Date(Date.now() - 40 * 86_400_000).toISOString();

  beforeAll(async () => {
    running = await startApp();
    tokens = await twoOfficeTokens(running.tokenFor);
    admin = await running.tokenFor({ navIdent: 'X123456', roles: ['admin'], offices: [] });
    clientRef = pseudonymiseClient(PERSON_ID, running.config.clientRefSecret);
    const store = running.app.get<EventStore>(EVENT_STORE);
    // Exactly what the code before subject ids wrote for an enrolment.
    await store.append(`office-0314.case-${LEGACY_CASE}`, [
      {
        type: 'ClientEnrolled',
        data: {
          caseId: LEGACY_CASE,
          clientRef,
          needGroup: 'SITUATIONAL',
          followUpMode: 'EXTERNAL',
          measureCode: 'INDOPPFAG',
          providerOrgNumber: ORG.nav,
          startedAt: occurredAt,
          occurredAt,
          navIdent: 'Z100001',
        },
        metadata: { actor: 'Z100001', officeNumber: '0314', commandId: 'c-1', correlationId: 'c-1', causationId: 'c-1', schemaVersion: 1 },
      },
    ]);
    // A restart of the upgraded app over that log: the one-off fill runs (again, for this test).
    await running.app.get(DataSource).query('DELETE FROM client_subject_fills');
    await running.app.get(LegacySubjects).onApplicationBootstrap();
  }, 60_000);

  afterAll(async () => {
    await running?.close();
  });

  const get = async (path: string, token: string) =>
    (await running.http.get(`/api/v1/${path}`).set('authorization', `Bearer ${token}`).expect(200)).body as Record<string, unknown>;

  it('shows the old event upcast, with the client linked, and keeps the subject for a new enrolment of them', async () => {
    const history = (await get('offices/0314/history', tokens.manager!)).events as {
      data: Record<string, unknown>;
      metadata: Record<string, unknown>;
    }[];
    expect(history[0]!.data).toMatchObject({ caseId: LEGACY_CASE, subjectId: clientRef, clientRef });
    expect(history[0]!.metadata).toMatchObject({ schemaVersion: 2, storedSchemaVersion: 1 });
    const enrolled = await running.http
      .post('/api/v1/offices/0314/cases')
      .set('authorization', `Bearer ${tokens['0314']}`)
      .send({ personId: PERSON_ID, needGroup: 'STANDARD', followUpMode: 'IN_HOUSE', measureCode: 'INDJOBSTOT', occurredAt })
      .expect(201);
    const gaps = await get(`offices/0314/follow-up-gaps?days=10&minPosition=${enrolled.body.position}`, tokens.manager!);
    expect(gaps.cases).toEqual([expect.objectContaining({ caseId: LEGACY_CASE, subjectId: clientRef, clientRef })]);
    const after = (await get('offices/0314/history', tokens.manager!)).events as { data: Record<string, unknown> }[];
    expect(after.map((e) => e.data.subjectId)).toEqual([clientRef, clientRef]);
  });

  it('erases such a client: no pseudonym shown by any route afterwards', async () => {
    await running.http
      .post('/api/v1/admin/clients/erase')
      .set('authorization', `Bearer ${admin}`)
      .send({ personId: PERSON_ID, reason: 'sletting' })
      .expect(200);
    const history = await get('offices/0314/history', tokens.manager!);
    const gaps = await get('offices/0314/follow-up-gaps?days=10', tokens.manager!);
    expect(gaps.cases).toEqual([expect.objectContaining({ caseId: LEGACY_CASE, subjectId: null, clientRef: null })]);
    expect((history.events as { data: Record<string, unknown> }[]).map((e) => e.data.subjectErased)).toEqual([true, true]);
    expect(JSON.stringify([history, gaps])).not.toContain(clientRef);
    // A restart does not link the erased client again.
    await running.app.get(LegacySubjects).onApplicationBootstrap();
    expect(JSON.stringify(await get('offices/0314/history', tokens.manager!))).not.toContain(clientRef);
  });
});
