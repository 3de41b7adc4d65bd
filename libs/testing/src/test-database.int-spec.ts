import pg from 'pg';
import { createTestDatabase } from './test-database.js';

describe('test database helper', () => {
  it('creates an empty database of its own on the run server and drops it', async () => {
    const db = await createTestDatabase('helper');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ name: string }>('SELECT current_database() AS name');
    await client.end();
    expect(rows[0]?.name).toBe(db.name);
    await db.drop();
  });
});
