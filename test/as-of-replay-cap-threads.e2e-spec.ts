import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { buildApp, healthy, startAppProcess, type AppProcess } from '../bench/chaos/app-process.js';
import { ORG } from './fixtures.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** What a request was answered. */
interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/**
 * Issue 16, as `npm start` runs the app (`node dist/src/main.js`), where as-of replays fold their
 * offices on the replay threads (under ts-jest they fall back to the calling thread, which is all
 * `as-of-replay-cap.api-spec.ts` sees). A replay counts against ASOF_REPLAYS_MAX for as long as
 * its offices are on the threads: while two are held there, more are refused at once with 503 and
 * Retry-After, counted, and live views and commands are served; once let go, the held ones answer
 * what the live views answered at their position, and a replay runs again.
 *
 * Held deterministically: the test holds an ACCESS EXCLUSIVE lock on `view_replay_snapshots`, which
 * an office's fold reads first (on its thread, through the thread's own connections) and nothing
 * else reads: not a live view, not a command, not a projection. So the held replays wait inside
 * their threads' reads, one lock waiter per office, until the test commits. PostgreSQL gives the
 * lock's transaction an id (to log the lock for standbys), and the log's readable head stays below
 * any transaction still open: a command is accepted meanwhile, and its event is readable once the
 * lock goes.
 *
 * "Now" as in `as-of.e2e-spec.ts`: every occurredAt is a whole number of days plus 12 hours before the
 * test began, and the period is given, so the live answer (now) and the replay (now = the as-of
 * moment, seconds earlier) agree on every figure.
 */
describe('the cap on as-of replays while they fold on worker threads (the built app)', () => {
  let db: TestDatabase;
  let dataDir: string;
  let app: AppProcess;
  /** The test's own connection: holds the lock on the snapshots' table. */
  let sql: pg.Client;
  const tokens: Record<string, string> = {};
  const started = Date.now();
  const daysAgo = (days: number) => new Date(started - days * DAY - 12 * HOUR).toISOString();
  const period = `from=${daysAgo(60).slice(0, 7)}&to=${new Date(started).toISOString().slice(0, 7)}`;

  beforeAll(async () => {
    const main = buildApp('as-of-replay-cap-threads');
    db = await createTestDatabase('replay_cap_threads');
    dataDir = mkdtempSync(join(tmpdir(), 'ect-replay-cap-'));
    app = await startAppProcess(main, { DATABASE_URL: db.url, DATA_DIR: dataDir, ASOF_REPLAYS_MAX: '2', LOG_LEVEL: 'warn' });
    if (!(await healthy(app))) throw new Error(`the app did not come up; it wrote:\n${app.output().slice(-3000)}`);
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    const tokenFor = async (navIdent: string, roles: string[], offices: string[]) => {
      const response = await fetch(`${app.base}/api/v1/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ navIdent, roles, offices }),
      });
      return ((await response.json()) as { token: string }).token;
    };
    tokens['0314'] = await tokenFor('Z100001', ['advisor'], ['0314']);
    tokens['5001'] = await tokenFor('Z500001', ['advisor'], ['5001']);
    tokens.manager = await tokenFor('M123456', ['manager'], ['0314', '5001']);
    tokens.auditor = await tokenFor('A123456', ['auditor'], []);
  }, 300_000);

  afterAll(async () => {
    await sql?.end();
    if (app && app.child.exitCode === null) app.child.kill('SIGTERM');
    const exit = await app?.exited;
    if (exit !== undefined && exit !== 0) process.stderr.write(`the app exited with ${exit}; it wrote:\n${app.output().slice(-3000)}\n`);
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** The answer, or `undefined` if none came within `ms` (a replay let through the cap would wait on the lock). */
  const request = async (path: string, init: RequestInit = {}, ms = 60_000): Promise<Answer | undefined> => {
    try {
      const response = await fetch(`${app.base}/api/v1/${path}`, { ...init, signal: AbortSignal.timeout(ms) });
      return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') return undefined;
      throw error;
    }
  };
  const get = (path: string, reader: string, ms?: number) => request(path, { headers: { authorization: `Bearer ${tokens[reader]}` } }, ms);
  const contact = async (office: string, orgNumber: string, daysBack: number) => {
    const answer = await request(`offices/${office}/employer-contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[office]}` },
      body: JSON.stringify({ orgNumber, channel: 'VISIT', theme: 'RECRUITMENT', occurredAt: daysAgo(daysBack) }),
    });
    expect(answer?.status).toBe(201);
    return answer!.body.position as number;
  };
  /** A series of /metrics without labels; `zeroIfAbsent` for a counter with labels, which has no series until its first count. */
  const metric = async (name: string, zeroIfAbsent = false) => {
    const text = await (await fetch(`${app.base}/metrics`)).text();
    const value = new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1] ?? (zeroIfAbsent ? '0' : undefined);
    if (value === undefined) throw new Error(`no series ${name} in /metrics`);
    return Number(value);
  };
  const refusedSoFar = () => metric('view_replays_refused_total', true);
  /** Backends of this database waiting for a lock on the snapshots' table: one per office fold held in its first read. */
  const heldOnTheSnapshots = async () =>
    Number(
      (
        await sql.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
            WHERE c.relname = 'view_replay_snapshots' AND NOT l.granted
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        )
      ).rows[0]!.n,
    );
  const figures = ({ position: _p, asOf: _a, asOfPosition: _ap, ...rest }: Record<string, unknown>) => rest;

  it('counts replays held on the threads against the cap, refuses more at once, serves the rest, and answers them right', async () => {
    await contact('0314', ORG.builder, 20);
    await contact('0314', ORG.shop, 10);
    const at = await contact('5001', ORG.nav, 5);
    const engagementAt = (time: string) => `offices/0314/engagement?${period}&${time}`;
    const officesAt = (time: string) => `offices?${period}&${time}`;
    // What the live views answer at the last position: the figures the held replays must give.
    const liveEngagement = await get(engagementAt(`minPosition=${at}`), 'manager');
    const liveOffices = await get(officesAt(`minPosition=${at}`), 'auditor');
    expect([liveEngagement?.status, liveOffices?.status]).toEqual([200, 200]);
    expect((liveOffices!.body.offices as { officeNumber: string }[]).map((o) => o.officeNumber)).toEqual(['0314', '5001']);
    // A live view replays nothing.
    expect(await metric('view_replay_offices_on_threads_total')).toBe(0);
    expect(await refusedSoFar()).toBe(0);

    await sql.query('BEGIN');
    await sql.query('LOCK TABLE view_replay_snapshots IN ACCESS EXCLUSIVE MODE');
    let released = false;
    let held: Promise<Answer | undefined>[] = [];
    try {
      // One office's replay (the manager's) and a national one (the auditor's: offices 0314 and 5001).
      held = [get(engagementAt(`asOfPosition=${at}`), 'manager'), get(officesAt(`asOfPosition=${at}`), 'auditor')];
      // Until all three offices wait in their threads' first read (a second thread may take a moment to start).
      for (const deadline = Date.now() + 30_000; (await heldOnTheSnapshots()) < 3 && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await heldOnTheSnapshots()).toBe(3);
      expect(await metric('view_replays_running')).toBe(2);

      // Beyond the cap: refused at once (a replay let through would wait on the lock, and no answer would come in 10 s).
      for (const [path, reader] of [
        [`offices/0314/outcomes?${period}&asOfPosition=${at}`, 'manager'],
        [officesAt(`asOf=${encodeURIComponent(new Date().toISOString())}`), 'auditor'],
      ] as const) {
        const refused = await get(path, reader, 10_000);
        expect(refused?.status ?? 'no answer within 10 s').toBe(503);
        expect(refused!.headers.get('content-type')).toContain('application/problem+json');
        expect(refused!.headers.get('retry-after')).toBe('1');
        expect(refused!.body).toMatchObject({ status: 503, code: 'VIEW.AS_OF_REPLAYS_BUSY' });
      }
      expect(await refusedSoFar()).toBe(2);

      // Not replays: live views and a command are served meanwhile.
      const [liveEngagementNow, liveOfficesNow] = await Promise.all([
        get(engagementAt(`minPosition=${at}`), 'manager', 10_000),
        get(officesAt(`minPosition=${at}`), 'auditor', 10_000),
      ]);
      expect([liveEngagementNow?.status, liveOfficesNow?.status]).toEqual([200, 200]);
      expect(figures(liveEngagementNow!.body)).toEqual(figures(liveEngagement!.body));
      expect(liveOfficesNow!.body).not.toHaveProperty('asOfPosition');
      const later = await contact('0314', ORG.nav, 3);
      expect(later).toBeGreaterThan(at);

      // Still held, none answered on the threads yet.
      expect(await heldOnTheSnapshots()).toBe(3);
      expect(await metric('view_replays_running')).toBe(2);
      expect(await metric('view_replay_offices_on_threads_total')).toBe(0);

      await sql.query('COMMIT');
      released = true;
      const [engagement, offices] = await Promise.all(held);
      expect([engagement?.status, offices?.status]).toEqual([200, 200]);
      expect([engagement!.body.asOfPosition, offices!.body.asOfPosition]).toEqual([at, at]);
      // As of their position, not the later contact's: what the live views answered there.
      expect(figures(engagement!.body)).toEqual(figures(liveEngagement!.body));
      expect(figures(offices!.body)).toEqual(figures(liveOffices!.body));
      // On the threads: the three offices they folded.
      expect(await metric('view_replay_offices_on_threads_total')).toBe(3);
      expect(await metric('view_replays_running')).toBe(0);

      // The later contact is readable now (the lock held the readable head back), and the live view shows it.
      const liveLater = await get(engagementAt(`minPosition=${later}`), 'manager', 10_000);
      expect(liveLater?.status).toBe(200);
      expect(figures(liveLater!.body)).not.toEqual(figures(liveEngagement!.body));
      // With the held ones done, a replay runs again (on a thread), and shows the later contact.
      const again = await get(engagementAt(`asOfPosition=${later}`), 'manager', 30_000);
      expect(again?.status).toBe(200);
      expect(figures(again!.body)).toEqual(figures(liveLater!.body));
      expect(await metric('view_replay_offices_on_threads_total')).toBe(4);
      expect(await refusedSoFar()).toBe(2);
    } finally {
      if (!released) await sql.query('ROLLBACK');
      // A failure above leaves the held replays unanswered by then: they are settled before the test ends.
      await Promise.allSettled(held);
    }
  }, 180_000);
});
