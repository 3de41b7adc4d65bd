import type pg from 'pg';
import type { PreparedEvent } from '../append-input.js';
import type { ExpectedRevision } from '../event-store.port.js';
import type { AppendedRow } from './append-call.js';

export interface GroupedAppend {
  streamId: string;
  events: readonly PreparedEvent[];
  expectedRevision: ExpectedRevision;
}

/** Per append of a group, in the group's order: its stored rows, or why it was not stored. */
export type GroupedOutcome = AppendedRow[] | 'already-appended' | 'stream-busy' | { wrongRevision: number };

interface GroupRow extends AppendedRow {
  o_append: number;
  o_status: 'appended' | 'already-appended' | 'stream-busy' | 'wrong-revision';
}

const APPEND_MANY_STATEMENT = 'es_append_many';
const APPEND_MANY_SQL =
  'SELECT o_append, o_status, o_id, o_revision, o_position, o_recorded_at FROM es_append_many($1::text[], $2::text[], $3::int[], $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[], $8)';

/**
 * A group of appends to distinct streams in one transaction and one round trip
 * (migrations/v5-group-commit.migration.ts). Throws when the group failed as a whole (nothing of
 * it is stored then); the caller sends its appends one by one instead.
 */
export async function callAppendMany(pool: pg.Pool, group: readonly GroupedAppend[], notify: boolean): Promise<GroupedOutcome[]> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const events = group.flatMap((a) => a.events);
    const { rows } = await client.query<GroupRow>({
      name: APPEND_MANY_STATEMENT,
      text: APPEND_MANY_SQL,
      values: [
        group.map((a) => a.streamId),
        group.map((a) => String(a.expectedRevision)),
        group.map((a) => a.events.length),
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => e.dataJson),
        events.map((e) => e.metadataJson),
        notify,
      ],
    });
    const outcomes: GroupedOutcome[] = group.map(() => []);
    for (const row of rows) {
      const i = row.o_append - 1;
      if (row.o_status === 'appended') (outcomes[i] as AppendedRow[]).push(row);
      else if (row.o_status === 'already-appended' || row.o_status === 'stream-busy') outcomes[i] = row.o_status;
      else outcomes[i] = { wrongRevision: Number(row.o_revision) };
    }
    return outcomes;
  } catch (error) {
    // Failing inside the global section leaves its session lock taken on this connection.
    broken = await client.query('SELECT pg_advisory_unlock_all()').then(
      () => undefined,
      (unlockError: Error) => unlockError,
    );
    throw error;
  } finally {
    // A connection whose lock could not be given back must not serve another append.
    client.release(broken);
  }
}
