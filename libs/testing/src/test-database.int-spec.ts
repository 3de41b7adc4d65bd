import pg from 'pg';
import { createTestDatabase } from './test-database.js';

const serverUrl = () => process.env.TEST_DATABASE_SERVER_URL!;

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe('test database helper', () => {
  it('creates an empty database of its own on the run server and drops it', async () => {
    const db = await createTestDatabase('helper');
    const other = await createTestDatabase('helper');
    try {
      expect(other.name).not.toBe(db.name);
      const [current] = await query<{ name: string }>(db.url, 'SELECT current_database() AS name');
      expect(current?.name).toBe(db.name);
      const tables = await query(
        db.url,
        `SELECT table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
      );
      expect(tables).toEqual([]);
      // On the run's server: the same one the server URL reaches.
      const listed = await query<{ datname: string }>(serverUrl(), 'SELECT datname FROM pg_database WHERE datname = ANY($1)', [
        [db.name, other.name],
      ]);
      expect(listed.map((d) => d.datname).sort()).toEqual([db.name, other.name].sort());
    } finally {
      await db.drop();
      await other.drop();
    }
    const left = await query(serverUrl(), 'SELECT datname FROM pg_database WHERE datname = ANY($1)', [[db.name, other.name]]);
    expect(left).toEqual([]);
  });
});
