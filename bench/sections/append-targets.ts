import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import type { NewEvent } from '@app/event-store';
import { createPostgresEventStore } from '@app/event-store';

/** Something that appends a stream's events: our store, Emmett's, or bare INSERTs. */
export interface AppendTarget {
  name: 'ours' | 'emmett' | 'ceiling';
  append(streamId: string, events: readonly NewEvent[]): Promise<unknown>;
  close(): Promise<void>;
}

export async function ourStore(connectionString: string, poolSize: number): Promise<AppendTarget> {
  const store = await createPostgresEventStore({ connectionString, poolSize });
  return { name: 'ours', append: (streamId, events) => store.append(streamId, events), close: () => store.close() };
}

/** Emmett's PostgreSQL event store, its schema made on first use, on a pool as large as ours. */
export async function emmettStore(connectionString: string, poolSize: number): Promise<AppendTarget> {
  const pool = quietPool(connectionString, poolSize);
  const store = getPostgreSQLEventStore(connectionString, { connectionOptions: { pool } });
  return {
    name: 'emmett',
    append: (streamId, events) =>
      store.appendToStream(
        streamId,
        events.map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata: e.metadata })),
      ),
    close: async () => {
      await store.close();
      await pool.end().catch(() => undefined);
    },
  };
}

/** The same rows into a table with no key, no index and no check: what PostgreSQL does at the least. */
export async function bareInserts(connectionString: string, poolSize: number): Promise<AppendTarget> {
  const pool = quietPool(connectionString, poolSize);
  await pool.query(`DROP TABLE IF EXISTS bench_bare_events;
    CREATE TABLE bench_bare_events (id uuid, stream_id text, revision bigint, type text, data jsonb, metadata jsonb)`);
  return {
    name: 'ceiling',
    append: (streamId, events) =>
      events.length === 1
        ? pool.query('INSERT INTO bench_bare_events VALUES ($1, $2, 0, $3, $4, $5)', [
            events[0]!.id,
            streamId,
            events[0]!.type,
            JSON.stringify(events[0]!.data),
            JSON.stringify(events[0]!.metadata),
          ])
        : pool.query(
            `INSERT INTO bench_bare_events SELECT e.id, $2, e.n - 1, e.type, e.data, e.metadata
               FROM unnest($1::uuid[], $3::text[], $4::jsonb[], $5::jsonb[]) WITH ORDINALITY AS e(id, type, data, metadata, n)`,
            [
              events.map((e) => e.id),
              streamId,
              events.map((e) => e.type),
              events.map((e) => JSON.stringify(e.data)),
              events.map((e) => JSON.stringify(e.metadata)),
            ],
          ),
    close: () => pool.end(),
  };
}

/** The bench drops its database at the end: an idle connection cut then is no failure. */
function quietPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', () => undefined);
  return pool;
}
