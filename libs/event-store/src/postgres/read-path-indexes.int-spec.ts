import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { anEvent, uniquePrefix } from '../contract/contract-fixtures.js';
import type { ReadAllOptions } from '../event-store.port.js';
import { createPostgresEventStore, type PostgresEventStore } from './postgres-event-store.js';
import { readAllQuery } from './read-all-query.js';
import { readStreamQuery } from './read-stream-query.js';

/**
 * Every index of `es_events` costs each appended row an entry, so the table has the ones its read
 * paths need and no more (bench/README.md, "Batch appends and the read paths", has the EXPLAIN
 * ANALYZE figures at 300k events). With sequential scans priced out, the planner picks an index
 * for a read whenever one serves it: a read path left without one shows up as a Seq Scan.
 */
describe('PostgreSQL event store: an index for every read path', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let client: pg.Client;
  const office = uniquePrefix();
  const stream = `${office}case-1`;

  beforeAll(async () => {
    db = await createTestDatabase('event_store_read_paths');
    store = await createPostgresEventStore({ connectionString: db.url, poolSize: 2 });
    await store.append(stream, [anEvent('ClientEnrolled'), anEvent('FollowUpRecorded')]);
    await store.append(`${uniquePrefix()}case-2`, [anEvent('ClientEnrolled')]);
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query('SET enable_seqscan = off');
  });
  afterAll(async () => {
    await client.end();
    await store.close();
    await db.drop();
  });

  it('has six indexes: the keys, an office in order, an office by time, a type in order', async () => {
    const { rows } = await client.query<{ name: string; method: string }>(
      `SELECT i.relname AS name, am.amname AS method FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam
        WHERE x.indrelid = 'es_events'::regclass ORDER BY 1`,
    );
    expect(rows).toEqual([
      { name: 'es_events_category_position', method: 'btree' },
      { name: 'es_events_category_recorded_at', method: 'btree' },
      { name: 'es_events_id_key', method: 'btree' },
      { name: 'es_events_pkey', method: 'btree' },
      { name: 'es_events_stream_id_revision_key', method: 'btree' },
      { name: 'es_events_type_position', method: 'btree' },
    ]);
  });

  const hour = (offset: number) => new Date(Date.now() + offset * 3_600_000).toISOString();
  const reads: [string, ReadAllOptions][] = [
    ['a subscription page', { after: 0, limit: 100 }],
    ['an office, in order', { streamPrefix: office, after: 0, limit: 100 }],
    ['one type, nationally', { types: ['FollowUpRecorded'], after: 0, limit: 100 }],
    ['one type of an office', { streamPrefix: office, types: ['FollowUpRecorded'], limit: 100 }],
    ['an office by time', { streamPrefix: office, recordedFrom: hour(-1), recordedBefore: hour(1), limit: 100 }],
  ];

  it.each(reads)('reads %s through an index', async (_, options) => {
    expect(await planOf(readAllQuery(options))).not.toContain('Seq Scan');
  });

  it('reads a whole office, or the streams of one kind in it, through the office range of an index', async () => {
    // The whole office: the category alone, no second filter for the planner to misjudge (read-all-query.ts;
    // which of the office's two indexes it takes depends on the table's size: bench/README.md, "Each read
    // path, EXPLAIN ANALYZE", has the plans at 300k events).
    const whole = await planOf(readAllQuery({ streamPrefix: office }));
    expect(whole).toMatch(/Index Cond: .*stream_category = /);
    expect(whole).not.toContain('starts_with');
    // A kind of stream in the office: the office range, then the prefix.
    const cases = await planOf(readAllQuery({ streamPrefix: `${office}case-` }));
    expect(cases).toMatch(/Index Cond: .*stream_category = /);
    expect(cases).toContain('starts_with');
  });

  it('reads a stream, and stored events by id, through their unique keys', async () => {
    expect(await planOf(readStreamQuery(stream))).toContain('es_events_stream_id_revision_key');
    const ids = (await store.readStream(stream)).map((e) => e.id);
    expect(await planOf({ text: 'SELECT position FROM es_events WHERE id = ANY($1::uuid[])', values: [ids] })).toContain(
      'es_events_id_key',
    );
  });

  async function planOf(query: { text: string; values: unknown[] }): Promise<string> {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN ${query.text}`, values: query.values });
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  }
});
