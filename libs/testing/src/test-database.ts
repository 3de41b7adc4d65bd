import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { withDatabase } from '@app/database';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

const serverUrl = (): string => {
  const url = process.env.TEST_DATABASE_SERVER_URL;
  if (!url) throw new Error('TEST_DATABASE_SERVER_URL is not set: run tests through `npm test` (jest global setup)');
  return url;
};

/** A fresh, empty database of its own for one test file, on the run's server (or `server`, a test's own). */
export async function createTestDatabase(label = 'test', server = serverUrl()): Promise<TestDatabase> {
  const name = `${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  admin.on('error', () => undefined); // a lost connection fails the query in flight; it must not end the run
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(server, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: server });
      client.on('error', () => undefined);
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
