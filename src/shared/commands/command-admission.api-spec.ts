import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { startApp, type RunningApp } from '../../../test/app-harness.js';
import { advisor, manager, ORG } from '../../../test/fixtures.js';

/**
 * Past COMMANDS_IN_FLIGHT_MAX commands running at once, the next is refused at once (503,
 * Retry-After) and counted, instead of queueing behind them; it records nothing, so sending it again
 * with its Idempotency-Key counts it once. Views are served meanwhile. Commands are held in flight by
 * a transaction that keeps appends out of the log.
 */
describe('a cap on commands in flight', () => {
  let running: RunningApp;
  let sql: pg.Client;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    running = await startApp({ COMMANDS_IN_FLIGHT_MAX: '2' });
    tokens.advisor = await running.tokenFor(advisor('0314'));
    tokens.manager = await running.tokenFor(manager('0314'));
    sql = new pg.Client({ connectionString: running.db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await running?.close();
  });

  // One body throughout: a key sent again must come with the same body.
  const occurredAt = new Date().toISOString();
  const contact = (idempotencyKey?: string) => {
    const request = running.http
      .post('/api/v1/offices/0314/employer-contacts')
      .set('authorization', `Bearer ${tokens.advisor}`)
      .send({ orgNumber: ORG.builder, channel: 'PHONE', theme: 'RECRUITMENT', occurredAt });
    return idempotencyKey ? request.set('idempotency-key', idempotencyKey) : request;
  };
  const metric = async (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec((await running.http.get('/metrics')).text)?.[1]);
  const eventsInLog = async () => Number((await sql.query<{ n: string }>('SELECT count(*) AS n FROM es_events')).rows[0]!.n);

  it('refuses a command beyond the cap with 503 and Retry-After, records nothing of it, and serves views meanwhile', async () => {
    await contact().expect(201);
    const before = await eventsInLog();
    const holder = new pg.Client({ connectionString: running.db.url });
    await holder.connect();
    let held: Promise<{ status: number }>[] = [];
    try {
      // Reads of the log go on; appends wait for this transaction.
      await holder.query('BEGIN; LOCK TABLE es_events IN EXCLUSIVE MODE');
      held = [contact(), contact()].map((request) => request.then((response) => response));
      for (const deadline = Date.now() + 5000; (await metric('commands_in_flight')) < 2 && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await metric('commands_in_flight')).toBe(2);

      const key = randomUUID();
      const refused = await contact(key).expect(503);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.body).toMatchObject({ status: 503, code: 'COMMANDS.BUSY' });
      expect(await metric('commands_refused_total')).toBe(1);
      // Bad input is told so whether or not there is room.
      expect((await contact(' ').expect(400)).body.errors).toEqual([{ path: 'Idempotency-Key', message: 'must be 1–200 characters' }]);
      // Not a command: a view answers while the cap is reached.
      await running.http.get('/api/v1/offices/0314/engagement').set('authorization', `Bearer ${tokens.manager}`).expect(200);

      await holder.query('COMMIT');
      expect((await Promise.all(held)).map((response) => response.status)).toEqual([201, 201]);
      expect(await eventsInLog()).toBe(before + 2);

      // The refused one had recorded nothing, its key included: sent again, it is taken, once.
      await contact(key).expect(201);
      await contact(key).expect(201);
      expect(await eventsInLog()).toBe(before + 3);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
      await Promise.allSettled(held);
    }
  });

  it('gives a command its place back however it ended', async () => {
    const unknownCase = randomUUID();
    const failing = () =>
      running.http
        .post(`/api/v1/offices/0314/cases/${unknownCase}/follow-ups`)
        .set('authorization', `Bearer ${tokens.advisor}`)
        .send({ kind: 'PROVIDER_CONTACT', occurredAt: new Date().toISOString() });
    // With a cap of 2, failed commands that kept their places would leave none for the third.
    for (let i = 0; i < 3; i++) await failing().expect(404);
    expect(await metric('commands_in_flight')).toBe(0);
    await contact().expect(201);
  });
});
