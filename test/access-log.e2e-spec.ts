import pg from 'pg';
import { randomUUID } from 'node:crypto';
import type { AccessLogEntry } from '../src/access-log/access-log-entry.js';
import { startApp, type RunningApp } from './app-harness.js';
import { advisor, auditor, manager, ORG, PERSON_ID, recently } from './fixtures.js';

/** A line as `GET /access-log` answers it: the stored entry with its id and time. */
interface Line extends AccessLogEntry {
  id: number;
  at: string;
}

/** The access log (sporingslogg) on PostgreSQL: who read client-level data, and every refusal. */
describe('the access log', () => {
  let running: RunningApp;
  let db: pg.Client;
  let auditorToken: string;
  const history = '/api/v1/offices/0314/history';

  beforeAll(async () => {
    running = await startApp();
    db = new pg.Client({ connectionString: running.db.url });
    await db.connect();
    auditorToken = await running.tokenFor(auditor());
  });
  afterAll(async () => {
    await db.end();
    await running.close();
  });

  /**
   * A correlation id of the test's own: a UUID (the only kind taken besides a ULID), drawn again
   * when its last group happens to hold 11 digits in a row (refused: it could be a personal id number).
   */
  const newCorrelationId = (): string => {
    const id = randomUUID();
    return /\d{11}/.test(id) ? newCorrelationId() : id;
  };
  /** A request tagged with a correlation id of its own, so its log line can be found. */
  const tagged = (path: string, token?: string) => {
    const correlationId = newCorrelationId();
    const request = running.http.get(path).set('x-correlation-id', correlationId);
    return { correlationId, request: token === undefined ? request : request.set('authorization', `Bearer ${token}`) };
  };
  /**
   * Lines show once every transaction older than theirs has ended, server-wide (another test file's
   * transaction on the same server can hold them back a moment): wait until every stored line shows.
   */
  const everyLineReadable = async () => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const { rows } = await db.query<{ readable: boolean }>(
        'SELECT coalesce(max(transaction_id) < pg_snapshot_xmin(pg_current_snapshot()), true) AS readable FROM access_log',
      );
      if (rows[0]!.readable) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const readLogNow = async (query: Record<string, string | number> = {}): Promise<{ entries: Line[]; next: number | null }> =>
    (
      await running.http
        .get('/api/v1/access-log')
        .query({ limit: 1000, ...query })
        .set('authorization', `Bearer ${auditorToken}`)
        .expect(200)
    ).body;
  const readLog = async (query: Record<string, string | number> = {}) => {
    await everyLineReadable();
    return readLogNow(query);
  };
  const linesOf = async (correlationId: string) => (await readLog()).entries.filter((e) => e.correlationId === correlationId);

  it('does not log a request without a token or with a bad token (401): it counts them in /metrics', async () => {
    const unauthenticated = async () => {
      const metrics = (await running.http.get('/metrics').expect(200)).text;
      const series = (reason: string) => new RegExp(`^auth_unauthenticated_requests_total\\{reason="${reason}"\\} (\\d+)$`, 'm');
      const count = (reason: string) => Number(series(reason).exec(metrics)?.[1] ?? 0);
      return { noToken: count('no_token'), invalidToken: count('invalid_token') };
    };
    const before = await unauthenticated();
    const {
      rows: [rowsBefore],
    } = await db.query<{ n: string }>('SELECT count(*) AS n FROM access_log');
    const none = tagged(history);
    await none.request.expect(401);
    const bad = tagged(history, 'not.a.jwt');
    await bad.request.expect(401);
    const unsigned = tagged('/api/v1/offices/0314/engagement', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJNMTIzNDU2In0.');
    await unsigned.request.expect(401);
    expect(await linesOf(none.correlationId)).toEqual([]);
    expect(await linesOf(bad.correlationId)).toEqual([]);
    const {
      rows: [rowsAfter],
    } = await db.query<{ n: string }>('SELECT count(*) AS n FROM access_log');
    const {
      rows: [refusals],
    } = await db.query<{ n: string }>('SELECT count(*) AS n FROM access_log WHERE nav_ident IS NULL');
    expect(Number(refusals!.n)).toBe(0);
    expect(Number(rowsAfter!.n)).toBe(Number(rowsBefore!.n));
    expect(await unauthenticated()).toEqual({ noToken: before.noToken + 1, invalidToken: before.invalidToken + 2 });
  });

  it('logs a manager of another office (403) and an advisor on a read (403), with who and why', async () => {
    const otherOffice = tagged(history, await running.tokenFor(manager('5001')));
    await otherOffice.request.expect(403);
    const advisorRead = tagged(history, await running.tokenFor(advisor('0314')));
    await advisorRead.request.expect(403);
    expect(await linesOf(otherOffice.correlationId)).toEqual([
      expect.objectContaining({
        navIdent: 'M123456',
        roles: ['manager'],
        officeNumber: '0314',
        allowed: false,
        reason: 'not a member of office 0314',
      }),
    ]);
    expect(await linesOf(advisorRead.correlationId)).toEqual([
      expect.objectContaining({
        navIdent: 'Z123456',
        roles: ['advisor'],
        allowed: false,
        reason: 'needs one of the roles manager, auditor',
      }),
    ]);
  });

  it('logs allowed reads of client-level data: history and follow-up gaps', async () => {
    const token = await running.tokenFor(manager('0314'));
    const read = tagged(history, token);
    await read.request.expect(200);
    const gaps = tagged('/api/v1/offices/0314/follow-up-gaps?days=30', token);
    await gaps.request.expect(200);
    expect(await linesOf(read.correlationId)).toEqual([
      {
        id: expect.any(Number),
        at: expect.any(String),
        navIdent: 'M123456',
        roles: ['manager'],
        officeNumber: '0314',
        method: 'GET',
        route: '/api/v1/offices/:officeNumber/history',
        allowed: true,
        reason: 'allowed',
        correlationId: read.correlationId,
      },
    ]);
    expect(await linesOf(gaps.correlationId)).toEqual([
      expect.objectContaining({ route: '/api/v1/offices/:officeNumber/follow-up-gaps', allowed: true }),
    ]);
  });

  it('does not log a command or a view without client-level data as a read', async () => {
    const correlationId = newCorrelationId();
    await running.http
      .post('/api/v1/offices/0314/employer-contacts')
      .set({ authorization: `Bearer ${await running.tokenFor(advisor('0314'))}`, 'x-correlation-id': correlationId })
      .send({ orgNumber: ORG.builder, channel: 'PHONE', theme: 'RECRUITMENT', occurredAt: recently() })
      .expect(201);
    const engagement = tagged('/api/v1/offices/0314/engagement', await running.tokenFor(manager('0314')));
    await engagement.request.expect(200);
    expect(await linesOf(correlationId)).toEqual([]);
    expect(await linesOf(engagement.correlationId)).toEqual([]);
  });

  it('is for auditors only, and logs the refusal of anyone else', async () => {
    const managerRead = tagged('/api/v1/access-log', await running.tokenFor(manager('0314')));
    const refused = await managerRead.request.expect(403);
    expect(refused.body).toMatchObject({ status: 403, code: 'AUTH.FORBIDDEN' });
    expect(await linesOf(managerRead.correlationId)).toEqual([
      expect.objectContaining({
        route: '/api/v1/access-log',
        officeNumber: null,
        allowed: false,
        reason: 'needs one of the roles auditor',
      }),
    ]);
  });

  it('lets an auditor filter by office and by time, and page oldest first', async () => {
    const token = await running.tokenFor({ ...manager('4601'), offices: ['4601', '4602'] });
    await running.http.get('/api/v1/offices/4601/history').set('authorization', `Bearer ${token}`).expect(200);
    // Apart by more than the millisecond `at` shows.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await running.http.get('/api/v1/offices/4602/outcomes').set('authorization', `Bearer ${token}`).expect(200);
    await running.http.get('/api/v1/offices/4601/follow-up-gaps').set('authorization', `Bearer ${token}`).expect(200);

    const office4601 = await readLog({ office: '4601' });
    expect(office4601.entries.map((e) => e.route)).toEqual([
      '/api/v1/offices/:officeNumber/history',
      '/api/v1/offices/:officeNumber/follow-up-gaps',
    ]);
    // The database's clock, not the test's: from inclusive, to exclusive.
    const between = office4601.entries[1]!.at;
    expect((await readLog({ office: '4601', from: between })).entries.map((e) => e.route)).toEqual([
      '/api/v1/offices/:officeNumber/follow-up-gaps',
    ]);
    expect((await readLog({ office: '4601', to: between })).entries.map((e) => e.route)).toEqual(['/api/v1/offices/:officeNumber/history']);
    expect((await readLog({ office: '4602' })).entries.map((e) => e.route)).toEqual(['/api/v1/offices/:officeNumber/outcomes']);

    const all = (await readLog()).entries.map((e) => e.id);
    expect([...all].sort((a, b) => a - b)).toEqual(all);
    const first = await readLog({ limit: 2 });
    const second = await readLog({ limit: 2, after: first.next! });
    expect([...first.entries, ...second.entries].map((e) => e.id)).toEqual(all.slice(0, 4));
    expect((await readLog({ after: all[all.length - 1]! })).next).toBeNull();
    const bad = await running.http
      .get('/api/v1/access-log?office=31&limit=0&colour=blue')
      .set('authorization', `Bearer ${auditorToken}`)
      .expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['colour', 'limit', 'office']);
  });

  it('pages past no line whose insert commits after a later line (commit order, not id order)', async () => {
    let cursor = 0;
    for (let page = await readLog(); ; page = await readLog({ after: cursor })) {
      cursor = page.entries.at(-1)?.id ?? cursor;
      if (page.next === null) break;
    }
    const held = new pg.Client({ connectionString: running.db.url });
    await held.connect();
    const seen: Line[] = [];
    try {
      // A line whose id is taken now and whose insert commits only after two later lines.
      await held.query('BEGIN');
      await held.query(
        `INSERT INTO access_log (roles, method, route, allowed, reason, correlation_id)
         VALUES ('{}', 'GET', '/held', false, 'held', 'held-open')`,
      );
      const otherOffice = await running.tokenFor(manager('5001'));
      const later = [tagged(history, otherOffice), tagged(history, otherOffice)];
      for (const { request } of later) await request.expect(403);
      const first = await readLogNow({ after: cursor });
      seen.push(...first.entries);
      cursor = first.entries.at(-1)?.id ?? cursor;
      await held.query('COMMIT');
      const second = await readLog({ after: cursor });
      seen.push(...second.entries);
      const tags = seen.map((line) => line.correlationId);
      expect(tags).toEqual(expect.arrayContaining(['held-open', ...later.map((l) => l.correlationId)]));
      expect(new Set(seen.map((line) => line.id)).size).toBe(seen.length);
    } finally {
      await held.end();
    }
  });

  it('never holds a personal id number, wherever a caller puts one', async () => {
    const token = await running.tokenFor(manager('0314'));
    await running.http
      .get(`/api/v1/offices/${PERSON_ID}/history?personId=${PERSON_ID}`)
      .set({ authorization: `Bearer ${token}`, 'x-correlation-id': PERSON_ID })
      .expect(403);
    await running.http
      .get(`/api/v1/offices/0314/history?q=${PERSON_ID}`)
      .set({ authorization: `Bearer ${token}` })
      .expect(400);
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM access_log`);
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    const leaks = await db.query(`SELECT * FROM access_log WHERE access_log::text LIKE '%' || $1 || '%'`, [PERSON_ID]);
    expect(leaks.rows).toEqual([]);
  });

  it('refuses to change or remove a logged line (the database itself is append-only)', async () => {
    await expect(db.query(`UPDATE access_log SET allowed = NOT allowed`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(db.query(`DELETE FROM access_log`)).rejects.toThrow(/append-only: DELETE refused/);
    await expect(db.query(`TRUNCATE access_log`)).rejects.toThrow(/append-only: TRUNCATE refused/);
  });

  it('fails a client-level read it cannot log (500) instead of serving it unlogged', async () => {
    const token = await running.tokenFor(manager('0314'));
    await db.query('ALTER TABLE access_log RENAME TO access_log_away');
    try {
      const response = await running.http.get(history).set('authorization', `Bearer ${token}`).expect(500);
      expect(response.body).toMatchObject({ status: 500, code: 'INTERNAL' });
      expect(response.body.events).toBeUndefined();
    } finally {
      await db.query('ALTER TABLE access_log_away RENAME TO access_log');
    }
    await running.http.get(history).set('authorization', `Bearer ${token}`).expect(200);
    // The operator sees it: alert AccessLogWriteFailing (docs/runbook.md).
    expect((await running.http.get('/metrics').expect(200)).text).toMatch(/^access_log_write_failures_total 1$/m);
  });
});
