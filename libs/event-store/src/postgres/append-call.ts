import type pg from 'pg';
import type { PreparedEvent } from '../append-input.js';
import { WrongExpectedRevision } from '../event-store.errors.js';
import type { ExpectedRevision } from '../event-store.port.js';
import { checkOut } from './checked-out-client.js';

export interface AppendedRow {
  o_id: string;
  o_revision: string;
  o_position: string;
  o_recorded_at: Date;
}

/** Named, so each connection parses and plans it once instead of on every append. */
const APPEND_STATEMENT = 'es_append';
const APPEND_SQL =
  'SELECT o_id, o_revision, o_position, o_recorded_at FROM es_append($1, $2, $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[])';
const UNIQUE_VIOLATION = '23505';
const WRONG_EXPECTED_REVISION = 'ES001';
const ALREADY_APPENDED = 'ES002';

/**
 * One append, one round trip (migrations/v2-append-queues-per-stream.migration.ts). Answers the
 * stored rows, or 'already-appended' when the event ids are stored already (a retry).
 */
export async function callAppend(
  pool: pg.Pool,
  streamId: string,
  events: readonly PreparedEvent[],
  expectedRevision: ExpectedRevision,
): Promise<AppendedRow[] | 'already-appended'> {
  try {
    return await onAppendConnection(pool, async (client) => {
      const { rows } = await client.query<AppendedRow>({
        name: APPEND_STATEMENT,
        text: APPEND_SQL,
        values: [
          streamId,
          String(expectedRevision),
          events.map((e) => e.id),
          events.map((e) => e.type),
          events.map((e) => e.dataJson),
          events.map((e) => e.metadataJson),
        ],
      });
      return rows;
    });
  } catch (error) {
    const { code, detail, constraint } = error as { code?: string; detail?: string; constraint?: string };
    if (code === WRONG_EXPECTED_REVISION) throw new WrongExpectedRevision(streamId, expectedRevision, Number(detail ?? -1));
    if (code === ALREADY_APPENDED) return 'already-appended';
    // Ids already stored, found by the insert itself (v4): a retry with expected revision 'any', or
    // the same ids appended to another stream at the same moment.
    if (code === UNIQUE_VIOLATION && constraint === 'es_events_id_key') return 'already-appended';
    throw error;
  }
}

/**
 * Runs an append function's call on a pooled connection. A call that fails inside the global
 * section leaves its session lock taken on the connection, so any failure but a refusal gives
 * every session lock back, and a connection whose lock could not be given back is destroyed
 * rather than reused.
 */
export async function onAppendConnection<T>(pool: pg.Pool, call: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const connection = await checkOut(pool);
  let broken: Error | undefined;
  try {
    return await call(connection.client);
  } catch (error) {
    // A refusal is raised before the global section: nothing to give back.
    const { code } = error as { code?: string };
    if (code === WRONG_EXPECTED_REVISION || code === ALREADY_APPENDED) throw error;
    // A lost connection holds no lock any more: the server ended its session.
    broken =
      connection.lost ??
      (await connection.client.query('SELECT pg_advisory_unlock_all()').then(
        () => undefined,
        (unlockError: Error) => unlockError,
      ));
    throw error;
  } finally {
    connection.release(broken);
  }
}
