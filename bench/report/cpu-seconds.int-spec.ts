import pg from 'pg';
import { localPostmaster, postgresCpuSeconds } from './cpu-seconds.js';

describe('localPostmaster', () => {
  it("finds the run's PostgreSQL from a backend of ours, and nothing from a process that is not a backend", async () => {
    const server = process.env.TEST_DATABASE_SERVER_URL!;
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const onThisMachine = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(server).hostname);
      const postmaster = localPostmaster(rows[0]!.pid);
      if (onThisMachine) {
        expect(postmaster).toEqual(expect.any(Number));
        expect(postgresCpuSeconds(postmaster!)).toBeGreaterThan(0);
      } else {
        expect(postmaster).toBeUndefined();
      }
    } finally {
      await client.end();
    }
    // This process has a parent too, but it is no PostgreSQL backend.
    expect(localPostmaster(process.pid)).toBeUndefined();
  });
});
