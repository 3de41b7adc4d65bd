import pg from 'pg';
import { startApp, type RunningApp } from './app-harness.js';
import { advisor, ORG, recently } from './fixtures.js';

/** The event store's global section (migrations v4, v5): an append waits on it inside its SQL call. */
const GLOBAL_SECTION = 7263511;

/**
 * The repro of the process exiting: an employer contact waits in `es_append_many` while
 * another session holds the global section, and its connection is terminated. The app answers
 * that request (503, as the database dropped it) and goes on serving.
 */
describe('an append connection terminated under a command', () => {
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

  const contact = () =>
    running.http
      .post('/api/v1/offices/0314/employer-contacts')
      .set({ authorization: `Bearer ${token}` })
      .send({ orgNumber: ORG.builder, channel: 'VISIT', theme: 'RECRUITMENT', occurredAt: recently() });

  it('answers the request 503 and records the next contact, the process alive', async () => {
    await admin.query('SELECT pg_advisory_lock($1)', [GLOBAL_SECTION]);
    const waiting = contact().then((response) => response);
    let answer: Awaited<typeof waiting> | undefined;
    let terminated = 0;
    const deadline = Date.now() + 15_000;
    // The group call waits first; when it fails, the append is sent again alone and waits again.
    while (answer === undefined && Date.now() < deadline) {
      const { rows } = await observer.query<{ pid: number }>(
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = $1
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [GLOBAL_SECTION],
      );
      for (const { pid } of rows) {
        await observer.query('SELECT pg_terminate_backend($1)', [pid]);
        terminated++;
      }
      answer = await Promise.race([waiting, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 50))]);
    }
    await admin.query('SELECT pg_advisory_unlock($1)', [GLOBAL_SECTION]);

    expect(terminated).toBeGreaterThanOrEqual(1);
    expect(answer?.status).toBe(503);
    expect(answer?.body.code).toBe('SERVICE.UNAVAILABLE');
    const { rows } = await observer.query("SELECT 1 FROM es_events WHERE type = 'EmployerContacted'");
    expect(rows).toHaveLength(0);
    const next = await contact().expect(201);
    expect(next.body.revision).toBe(0);
  });
});
