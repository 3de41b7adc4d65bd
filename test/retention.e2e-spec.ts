import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { ClientRetentionJob } from '../src/clients/retention/client-retention.job.js';
import { pseudonymiseClient } from '../src/shared/values/personal-id.js';
import { startApp, type RunningApp } from './app-harness.js';
import { ORG, twoOfficeTokens } from './fixtures.js';

const DAY = 86_400_000;
/** Synthetic fødselsnumre with valid check digits; nobody's. */
const PEOPLE = ['01018010018', '15038510190', '13097248022', '02028020190', '02028020271'] as const;

/**
 * The retention job with a fixed clock and a limit of 100 days: it erases exactly the clients all
 * of whose cases closed longer ago than that, on one instance at a time, and reports counts.
 */
describe('retention of client data (PostgreSQL)', () => {
  let running: RunningApp;
  let db: DataSource;
  let job: ClientRetentionJob;
  const log = new PassThrough();
  let logged = '';
  log.on('data', (chunk: Buffer) => (logged += chunk.toString()));
  const now = new Date(Math.floor(Date.now() / DAY) * DAY + 12 * 3_600_000).toISOString();
  const daysAgo = (days: number) => new Date(Date.parse(now) - days * DAY).toISOString();
  let tokens: Record<string, string>;
  let last = 0;

  const post = async (path: string, body: object) => {
    const response = await running.http.post(`/api/v1/offices/0314/${path}`).set('authorization', `Bearer ${tokens['0314']}`).send(body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    last = Math.max(last, response.body.position);
    return response.body as { id: string; revision: number };
  };
  const enrol = (personId: string, days: number) =>
    post('cases', { personId, needGroup: 'STANDARD', followUpMode: 'IN_HOUSE', measureCode: 'INDJOBSTOT', occurredAt: daysAgo(days) });
  const place = (caseId: string, days: number) =>
    post(`cases/${caseId}/placement`, {
      orgNumber: ORG.builder,
      startDate: daysAgo(days).slice(0, 10),
      employmentPercent: 100,
      employmentType: 'PERMANENT',
      occurredAt: daysAgo(days),
    });
  const exit = (caseId: string, days: number) => post(`cases/${caseId}/exit`, { reason: 'MOVED', occurredAt: daysAgo(days) });
  const linked = async () =>
    new Set(((await db.query('SELECT client_ref FROM client_subjects')) as { client_ref: string }[]).map((r) => r.client_ref));
  const refOf = (personId: string) => pseudonymiseClient(personId, running.config.clientRefSecret);

  beforeAll(async () => {
    running = await startApp({ CLIENT_DATA_RETENTION_DAYS: '100', LOG_LEVEL: 'info' }, { logDestination: log });
    job = running.app.get(ClientRetentionJob);
    job.onApplicationShutdown(); // no scheduled run: this test gives the clock
    db = new DataSource({ type: 'postgres', url: running.db.url });
    await db.initialize();
    tokens = await twoOfficeTokens(running.tokenFor);
    const [gone, recent, stillOpen, neverClosed, reopened] = PEOPLE;
    await place((await enrol(gone, 300)).id, 200); // closed 200 days ago: erased
    await exit((await enrol(recent, 300)).id, 50); // closed 50 days ago: kept
    await place((await enrol(stillOpen, 400)).id, 300); // one case closed long ago, another open: kept
    await enrol(stillOpen, 20);
    await enrol(neverClosed, 400); // open: kept
    const wrongExit = await exit((await enrol(reopened, 300)).id, 150);
    await post(`cases/${wrongExit.id}/corrections`, { revision: wrongExit.revision, reason: 'WRONG_DATE' }); // reopened: kept
    // The job reads the retention view: wait until it has seen every event.
    const admin = await running.tokenFor({ navIdent: 'X123456', roles: ['admin'], offices: [] });
    for (let n = 0; n < 100; n++) {
      const status = (await running.http.get('/api/v1/admin/projections').set('authorization', `Bearer ${admin}`)).body as {
        projections: { name: string; position: number }[];
      };
      if (status.projections.find((p) => p.name === 'client_retention')!.position >= last) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await running?.close();
  });

  it('does nothing while another instance holds the lock', async () => {
    const other = db.createQueryRunner();
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock(7014001)');
      expect(await job.runOnce(now)).toMatchObject({ ran: false, erased: 0 });
      await other.query('SELECT pg_advisory_unlock(7014001)');
    } finally {
      await other.release();
    }
    expect((await linked()).size).toBe(5);
  });

  it('erases exactly the clients all of whose cases closed longer ago than the limit, and reports counts', async () => {
    const run = await job.runOnce(now);
    expect(run).toEqual({ ran: true, erased: 1, cutoff: daysAgo(100) });
    const left = await linked();
    expect(PEOPLE.map((p) => left.has(refOf(p)))).toEqual([false, true, true, true, true]);
    expect(logged).toContain(`retention: erased 1 clients whose cases all closed before ${daysAgo(100)}`);
    expect(logged).not.toContain(refOf(PEOPLE[0]));
    const metrics = (await running.http.get('/metrics')).text;
    expect(metrics).toMatch(/client_erasures_total\{by="retention"\} 1/);
    expect(metrics).toMatch(/client_retention_runs_total\{outcome="done"\} 1/);
    expect(metrics).toMatch(/client_retention_runs_total\{outcome="skipped"\} 1/);
    // A second run finds nothing more to erase; a later clock finds the client closed 50 days ago.
    expect((await job.runOnce(now)).erased).toBe(0);
    expect((await job.runOnce(daysAgo(-60))).erased).toBe(1);
    expect((await linked()).has(refOf(PEOPLE[1]))).toBe(false);
  });
});
