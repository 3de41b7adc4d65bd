import pg from 'pg';
import { startApp, type RunningApp } from './app-harness.js';
import { advisor, PERSON_ID, recently } from './fixtures.js';

/**
 * A transfer is both halves or neither: the receiving half failing at the worst moment (after the
 * sending half was written, in the same call) leaves the case as it was, and a plain retry works.
 */
describe('a transfer whose receiving half fails', () => {
  let running: RunningApp;
  let token: string;
  let admin: pg.Client;

  beforeAll(async () => {
    running = await startApp({ EVENT_STORE: 'postgres' });
    token = await running.tokenFor(advisor('0314'));
    admin = new pg.Client({ connectionString: running.db.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await running.close();
  });

  const post = (path: string, body: object) =>
    running.http
      .post(path)
      .set({ authorization: `Bearer ${token}` })
      .send(body);
  const typesOf = async (streamId: string) => {
    const { rows } = await admin.query<{ type: string }>('SELECT type FROM es_events WHERE stream_id = $1 ORDER BY revision', [streamId]);
    return rows.map((r) => r.type);
  };

  it('stores neither half, and the case can then be transferred', async () => {
    const enrolled = await post('/api/v1/offices/0314/cases', {
      personId: PERSON_ID,
      needGroup: 'SPECIAL',
      followUpMode: 'IN_HOUSE',
      measureCode: 'INDJOBSTOT',
      occurredAt: recently(600),
    }).expect(201);
    // The receiving office's event cannot be stored, as if the database failed just then.
    await admin.query(`CREATE FUNCTION refuse_arrival() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'arrival refused by test'; END $$`);
    await admin.query(`CREATE TRIGGER refuse_arrival BEFORE INSERT ON es_events FOR EACH ROW
      WHEN (NEW.type = 'ClientTransferredIn') EXECUTE FUNCTION refuse_arrival()`);
    const path = `/api/v1/offices/0314/cases/${enrolled.body.id}/transfer`;
    const failed = await post(path, { toOfficeNumber: '5001', occurredAt: recently() });
    expect(failed.status).toBe(500);
    expect(await typesOf(enrolled.body.streamId)).toEqual(['ClientEnrolled']);
    const arrivals = await admin.query("SELECT 1 FROM es_events WHERE stream_id LIKE 'office-5001.%'");
    expect(arrivals.rowCount).toBe(0);

    await admin.query('DROP TRIGGER refuse_arrival ON es_events');
    const transferred = await post(path, { toOfficeNumber: '5001', occurredAt: recently() }).expect(201);
    expect(await typesOf(enrolled.body.streamId)).toEqual(['ClientEnrolled', 'ClientTransferredOut']);
    expect(await typesOf(transferred.body.streamId)).toEqual(['ClientTransferredIn']);
    expect(transferred.body.streamId).toBe(`office-5001.case-${transferred.body.id}`);
  });
});
