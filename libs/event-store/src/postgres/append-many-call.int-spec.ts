import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { prepareAppend } from '../append-input.js';
import { anEvent, uniqueStream } from '../contract/contract-fixtures.js';
import { appendManyOn, type GroupedAppend } from './append-many-call.js';
import { migrateEventStore } from './migrate-event-store.js';

const aGroupOfTwo = (answered?: 'first' | 'second'): GroupedAppend[] =>
  [uniqueStream(answered === 'first' ? 'answered' : 'case'), uniqueStream(answered === 'second' ? 'answered' : 'case')].map((streamId) => ({
    streamId,
    ...prepareAppend(streamId, [anEvent()], 'any'),
  }));

/**
 * A group call answers each of its appends by the row `es_append_many` returns for it. A function
 * that left one out (a bug of a later migration) must fail the group, which is then sent append by
 * append, and not answer an append with nothing.
 */
describe('PostgreSQL event store: a group call of es_append_many', () => {
  let db: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await createTestDatabase('event_store_append_many_call');
    pool = new pg.Pool({ connectionString: db.url, max: 2 });
    await migrateEventStore(pool);
    // A stand-in of es_append_many, ahead on the search path of the connections that ask for it:
    // it answers only the append whose stream id names its kind "answered".
    await pool.query(`
      CREATE SCHEMA one_answer;
      CREATE FUNCTION one_answer.es_append_many(
        p_streams text[], p_expected text[], p_counts int[], p_ids uuid[], p_types text[], p_data jsonb[],
        p_metadata jsonb[], p_notify boolean
      ) RETURNS TABLE (o_append int, o_status text, o_revision bigint, o_positions bigint[], o_recorded_at timestamptz)
      LANGUAGE sql AS $fn$
        SELECT i, 'stream-busy', NULL::bigint, NULL::bigint[], NULL::timestamptz
        FROM generate_series(1, cardinality(p_streams)) AS i WHERE p_streams[i] LIKE '%answered-%'
      $fn$`);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('answers each append of the group by its own row', async () => {
    const client = await pool.connect();
    try {
      const group = aGroupOfTwo();
      const outcomes = await appendManyOn(client, group);
      expect(outcomes).toHaveLength(2);
      expect(outcomes.map((o) => Array.isArray(o) && o[0]!.o_id)).toEqual(group.map((a) => a.events[0]!.id));
    } finally {
      client.release();
    }
  });

  it.each([
    ['the last', 'first'],
    ['the first', 'second'],
  ] as const)('fails the group when the function leaves %s append unanswered', async (_, answered) => {
    const client = await pool.connect();
    try {
      await client.query('SET search_path = one_answer, public');
      await expect(appendManyOn(client, aGroupOfTwo(answered))).rejects.toThrow('es_append_many left an append unanswered');
    } finally {
      client.release(true);
    }
  });
});
