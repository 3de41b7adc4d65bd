import pg from 'pg';
import { countRoundTrips } from './round-trips.js';

describe('countRoundTrips', () => {
  it('counts each message of a driver client over a span, per command and by what it began with', async () => {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_SERVER_URL! });
    await client.connect();
    const roundTrips = countRoundTrips((sql) => sql.includes('pg_stat_activity'));
    const now = () => performance.timeOrigin + performance.now();
    try {
      const from = now();
      // Three statements in one message are one round trip; a named statement goes by its name.
      await client.query(`SELECT 1; SELECT 'a literal', 22; SELECT 3`);
      await client.query({ name: 'the_answer', text: 'SELECT $1::int AS n', values: [42] });
      await client.query({ name: 'the_answer', text: 'SELECT $1::int AS n', values: [43] });
      await client.query('SELECT count(*) FROM pg_stat_activity');
      await client.query(`SELECT relname FROM pg_class WHERE relname = 'pg_class' AND relpages > 12345678901234567890`);
      await client.query(`SELECT oid, relname, relnamespace, reltype, reloftype, relowner FROM pg_class WHERE relname = 'pg_type'`);
      // Labelled from its first 512 characters: a live batch's rows, sent as literals, run far longer.
      await client.query(`SELECT '${'x'.repeat(600)}' AS long_literal WHERE true`);
      const to = now();
      await client.query('SELECT 1');

      expect(roundTrips.figures(from, to, 2)).toEqual({
        perCommand: 3,
        bySource: {
          the_answer: 1,
          "SELECT N; SELECT '…', N; SELECT N": 0.5,
          "SELECT relname FROM pg_class WHERE relname = '…'": 0.5,
          // A WHERE past the first words is added to them: the reads of a stream and of the log begin alike.
          "SELECT oid, relname, relnamespace, reltype, relo… WHERE relname = '…'": 0.5,
          "SELECT '…'": 0.5,
        },
      });
    } finally {
      roundTrips.stop();
      await client.end();
    }
    const uncounted = new pg.Client({ connectionString: process.env.TEST_DATABASE_SERVER_URL! });
    await uncounted.connect();
    const before = now();
    await uncounted.query('SELECT 1');
    await uncounted.end();
    // Stopped: the driver's own query is back, and nothing more is counted.
    expect(roundTrips.figures(before, now(), 1).perCommand).toBe(0);
  });
});
