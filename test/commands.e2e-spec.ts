import { jest } from '@jest/globals';
import fc from 'fast-check';
import pg from 'pg';
import { startApp, type RunningApp } from './app-harness.js';
import { advisor, ORG, PERSON_ID, recently } from './fixtures.js';

/** The write side end to end, on the PostgreSQL event store and a real database. */
describe('recording the follow-up of a client (PostgreSQL)', () => {
  let running: RunningApp;
  let token: string;
  const cases = '/api/v1/offices/0314/cases';

  beforeAll(async () => {
    running = await startApp({ EVENT_STORE: 'postgres' });
    token = await running.tokenFor(advisor('0314'));
  });
  afterAll(async () => {
    await running.close();
  });

  const post = (path: string, body: object, headers: Record<string, string> = {}) =>
    running.http
      .post(path)
      .set({ authorization: `Bearer ${token}`, ...headers })
      .send(body);
  const query = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: running.db.url });
    await client.connect();
    try {
      return (await client.query<T>(sql, values)).rows;
    } finally {
      await client.end();
    }
  };
  const enrol = async () =>
    (
      await post(cases, {
        personId: PERSON_ID,
        needGroup: 'SPECIAL',
        followUpMode: 'IN_HOUSE',
        measureCode: 'INDJOBSTOT',
        occurredAt: recently(600),
      }).expect(201)
    ).body as { id: string; streamId: string; revision: number };

  it('lets exactly one of 20 parallel requests with the same If-Match through; the other 19 get 412', async () => {
    const created = await enrol();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(
          `${cases}/${created.id}/follow-ups`,
          { kind: 'CLIENT_MEETING', occurredAt: recently() },
          { 'if-match': `"${created.revision}"` },
        ),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const rows = await query<{ revision: string }>('SELECT revision FROM es_events WHERE stream_id = $1 ORDER BY revision', [
      created.streamId,
    ]);
    expect(rows.map((r) => Number(r.revision))).toEqual([0, 1]);
  });

  it('retries concurrent writers without If-Match against the new state: all stored, revisions gap-free', async () => {
    const created = await enrol();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => post(`${cases}/${created.id}/follow-ups`, { kind: 'CLIENT_CALL', occurredAt: recently() })),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const rows = await query<{ revision: string }>('SELECT revision FROM es_events WHERE stream_id = $1 ORDER BY revision', [
      created.streamId,
    ]);
    expect(rows.map((r) => Number(r.revision))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('lets one of 20 parallel exits without If-Match close the case; the other 19 decide again on the closed case (409)', async () => {
    const created = await enrol();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => post(`${cases}/${created.id}/exit`, { reason: 'MOVED', occurredAt: recently() })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const refused of responses.filter((r) => r.status === 409)) expect(refused.body.code).toBe('CASE.ALREADY_CLOSED');
    const rows = await query<{ type: string }>('SELECT type FROM es_events WHERE stream_id = $1 ORDER BY revision', [created.streamId]);
    expect(rows.map((r) => r.type)).toEqual(['ClientEnrolled', 'ClientExited']);
  });

  it('stores nothing new when a request is replayed with its Idempotency-Key, even in parallel', async () => {
    const created = await enrol();
    const body = { kind: 'PROVIDER_REPORT', occurredAt: recently() };
    const [countBefore] = await query<{ n: string }>('SELECT count(*) AS n FROM es_events');
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => post(`${cases}/${created.id}/follow-ups`, body, { 'idempotency-key': 'report-1' })),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    for (const response of responses) expect(response.body).toEqual(responses[0]!.body);
    const [countAfter] = await query<{ n: string }>('SELECT count(*) AS n FROM es_events');
    expect(Number(countAfter!.n) - Number(countBefore!.n)).toBe(1);
  });

  it('replays any Idempotency-Key a header can carry, its record read with the lock and written with the COMMIT', async () => {
    const created = await enrol();
    const printable = fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      minLength: 1,
      maxLength: 40,
    });
    const keys = fc.sample(
      printable.filter((k) => k.trim() !== ''),
      { numRuns: 12, seed: 1 },
    );
    keys.push(`it's`, `a\\b`, `$$x$$`, `E'\\x'`, `'); DROP TABLE idempotency_records; --`);
    const unique = [...new Set(keys)];
    const [before] = await query<{ n: string }>('SELECT count(*) AS n FROM es_events');
    const queries = jest.spyOn(pg.Client.prototype, 'query');
    let records: string[];
    try {
      for (const [n, key] of unique.entries()) {
        const body = { kind: 'PROVIDER_REPORT', occurredAt: recently(n + 1) };
        const first = await post(`${cases}/${created.id}/follow-ups`, body, { 'idempotency-key': key }).expect(201);
        const again = await post(`${cases}/${created.id}/follow-ups`, body, { 'idempotency-key': key }).expect(201);
        expect(again.body).toEqual(first.body);
      }
      records = queries.mock.calls.map(([q]) => String(q)).filter((q) => q.includes('idempotency_records'));
    } finally {
      queries.mockRestore();
    }
    const [after] = await query<{ n: string }>('SELECT count(*) AS n FROM es_events');
    expect(Number(after!.n) - Number(before!.n)).toBe(unique.length);
    const stored = await query<{ idempotency_key: string }>('SELECT idempotency_key FROM idempotency_records');
    expect(stored.map((r) => r.idempotency_key)).toEqual(expect.arrayContaining(unique));
    // Each key: the first request's read and write, the retry's read; nothing else touches the records.
    expect(records).toHaveLength(unique.length * 3);
    for (const record of records) expect(record.startsWith('START TRANSACTION') || /;\s*COMMIT$/.test(record)).toBe(true);
  });

  it('keeps the personal id number out of every table of the database', async () => {
    await enrol();
    const tables = await query<{ table_schema: string; table_name: string }>(
      `SELECT table_schema, table_name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['es_events', 'es_streams', 'idempotency_records']));
    for (const table of tables) {
      const [hit] = await query<{ n: string }>(
        `SELECT count(*) AS n FROM "${table.table_schema}"."${table.table_name}" AS t WHERE t::text LIKE $1`,
        [`%${PERSON_ID}%`],
      );
      expect({ table: table.table_name, hits: Number(hit!.n) }).toEqual({ table: table.table_name, hits: 0 });
    }
  });

  const CORRELATION_ID = '0190f3a0-7c1e-7a3b-9f00-5d2c4e6a8b1c';

  it('gives every event its metadata: actor, office, command, correlation, causation, schema version', async () => {
    const response = await post(
      cases,
      {
        clientRef: 'b'.repeat(64),
        needGroup: 'STANDARD',
        followUpMode: 'EXTERNAL',
        measureCode: 'AVKLARAG',
        providerOrgNumber: ORG.nav,
        occurredAt: recently(),
      },
      { 'x-correlation-id': CORRELATION_ID },
    ).expect(201);
    const [row] = await query<{ metadata: Record<string, unknown> }>('SELECT metadata FROM es_events WHERE position = $1', [
      response.body.position,
    ]);
    expect(row!.metadata).toEqual({
      actor: 'Z123456',
      officeNumber: '0314',
      commandId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      correlationId: CORRELATION_ID,
      causationId: row!.metadata.commandId,
      // v2: the enrolment carries the client's subject id, not the pseudonym (docs/privacy.md).
      schemaVersion: 2,
    });
  });
});
