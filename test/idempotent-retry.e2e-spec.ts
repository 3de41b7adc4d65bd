import pg from 'pg';
import { startApp, type RunningApp } from './app-harness.js';
import { advisor, ORG, PERSON_ID, recently } from './fixtures.js';

/**
 * The repro: the events of a command commit, then its idempotency record cannot be
 * written (its INSERT waits on a lock and its connection is terminated), so the caller sees an
 * error and retries with the same Idempotency-Key. The retry must find the first attempt's events
 * in the event store itself and answer as the first attempt would have, storing nothing again.
 */
describe('a retry with the same Idempotency-Key after the idempotency record was lost', () => {
  let running: RunningApp;
  let token: string;
  let admin: pg.Client;
  let observer: pg.Client;

  beforeAll(async () => {
    running = await startApp({ EVENT_STORE: 'postgres' });
    token = await running.tokenFor(advisor('0314'));
    admin = new pg.Client({ connectionString: running.db.url });
    observer = new pg.Client({ connectionString: running.db.url });
    await Promise.all([admin.connect(), observer.connect()]);
  });
  afterAll(async () => {
    await Promise.all([admin.end(), observer.end()]);
    await running.close();
  });

  const post = (path: string, body: object, headers: Record<string, string>) =>
    running.http.post(path).set({ authorization: `Bearer ${token}`, ...headers }).send(body);

  /** Sends the request while the idempotency table is locked, and terminates its blocked INSERT. */
  async function firstAttemptLosingItsRecord(path: string, body: object, headers: Record<string, string>) {
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE idempotency_records IN SHARE MODE');
    const first = post(path, body, headers).then((response) => response);
    const deadline = Date.now() + 10_000;
    let blocked: number | undefined;
    while (blocked === undefined && Date.now() < deadline) {
      // Not on the locking session: inside its transaction, pg_stat_activity would not change.
      const { rows } = await observer.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
           AND query LIKE 'INSERT INTO idempotency_records%'`,
      );
      blocked = rows[0]?.pid;
      if (blocked === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(blocked).toBeDefined();
    await observer.query('SELECT pg_terminate_backend($1)', [blocked]);
    const response = await first;
    await admin.query('ROLLBACK');
    expect(response.status).toBeGreaterThanOrEqual(500);
    return response;
  }

  const storedFor = async (type: string, correlationId: string) =>
    (
      await admin.query<{ stream_id: string; revision: string; position: string; data: Record<string, string> }>(
        `SELECT stream_id, revision, position, data FROM es_events WHERE type = $1 AND metadata->>'correlationId' = $2`,
        [type, correlationId],
      )
    ).rows;

  it('records an employer contact once, and answers the retry with the stored contact', async () => {
    const path = '/api/v1/offices/0314/employer-contacts';
    const body = { orgNumber: ORG.builder, channel: 'VISIT', theme: 'RECRUITMENT', occurredAt: recently() };
    const headers = { 'idempotency-key': 'contact-k1', 'x-correlation-id': '7d2f1a30-0c4b-4e1a-9b52-1f0e8a6c3d01' };
    await firstAttemptLosingItsRecord(path, body, headers);

    const retry = await post(path, body, headers).expect(201);
    const stored = await storedFor('EmployerContacted', '7d2f1a30-0c4b-4e1a-9b52-1f0e8a6c3d01');
    expect(stored).toHaveLength(1);
    expect(retry.body).toEqual({
      id: stored[0]!.data.contactId,
      streamId: stored[0]!.stream_id,
      revision: Number(stored[0]!.revision),
      position: Number(stored[0]!.position),
    });
    // Now from the idempotency record: the same answer again.
    expect((await post(path, body, headers).expect(201)).body).toEqual(retry.body);
    expect(await storedFor('EmployerContacted', '7d2f1a30-0c4b-4e1a-9b52-1f0e8a6c3d01')).toHaveLength(1);
  });

  it('enrols a client once: the retry answers with the same case, not a second one', async () => {
    const path = '/api/v1/offices/0314/cases';
    const body = {
      personId: PERSON_ID, needGroup: 'SPECIAL', followUpMode: 'EXTERNAL', measureCode: 'INDJOBSTOT',
      providerOrgNumber: ORG.shop, occurredAt: recently(),
    };
    const headers = { 'idempotency-key': 'enrol-k1', 'x-correlation-id': '7d2f1a30-0c4b-4e1a-9b52-1f0e8a6c3d02' };
    await firstAttemptLosingItsRecord(path, body, headers);

    const retry = await post(path, body, headers).expect(201);
    const stored = await storedFor('ClientEnrolled', '7d2f1a30-0c4b-4e1a-9b52-1f0e8a6c3d02');
    expect(stored).toHaveLength(1);
    expect(retry.body).toMatchObject({ id: stored[0]!.data.caseId, revision: 0, position: Number(stored[0]!.position) });
  });

  it('transfers a case once: the retry answers with the same new case, not 409', async () => {
    const enrolled = await post(
      '/api/v1/offices/0314/cases',
      { personId: PERSON_ID, needGroup: 'SPECIAL', followUpMode: 'IN_HOUSE', measureCode: 'INDJOBSTOT', occurredAt: recently(600) },
      {},
    ).expect(201);
    const path = `/api/v1/offices/0314/cases/${enrolled.body.id}/transfer`;
    const body = { toOfficeNumber: '5001', occurredAt: recently() };
    const headers = { 'idempotency-key': 'transfer-k1', 'x-correlation-id': '7d2f1a30-0c4b-4e1a-9b52-1f0e8a6c3d03' };
    await firstAttemptLosingItsRecord(path, body, headers);

    const retry = await post(path, body, headers).expect(201);
    expect(await storedFor('ClientTransferredOut', '7d2f1a30-0c4b-4e1a-9b52-1f0e8a6c3d03')).toHaveLength(1);
    const arrived = await storedFor('ClientTransferredIn', '7d2f1a30-0c4b-4e1a-9b52-1f0e8a6c3d03');
    expect(arrived).toHaveLength(1);
    const [stored] = arrived;
    expect(retry.body).toMatchObject({ id: stored!.data.caseId, streamId: stored!.stream_id, position: Number(stored!.position) });
  });
});
