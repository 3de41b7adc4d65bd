import type pg from 'pg';
import type { PreparedEvent } from '../append-input.js';
import type { ExpectedRevision } from '../event-store.port.js';
import { onAppendConnection, type AppendedRow } from './append-call.js';

export interface GroupedAppend {
  streamId: string;
  events: readonly PreparedEvent[];
  expectedRevision: ExpectedRevision;
}

/** Per append of a group, in the group's order: its stored rows, or why it was not stored. */
export type GroupedOutcome = AppendedRow[] | 'already-appended' | 'stream-busy' | { wrongRevision: number };

interface GroupRow {
  o_append: number;
  o_status: 'appended' | 'already-appended' | 'stream-busy' | 'wrong-revision';
  /** The stream's revision before the append (bigint as text); null when its stream was busy. */
  o_revision: string | null;
  o_positions: string[] | null;
  o_recorded_at: Date | null;
}

const APPEND_MANY_STATEMENT = 'es_append_many';
const APPEND_MANY_SQL =
  'SELECT o_append, o_status, o_revision, o_positions, o_recorded_at ' +
  'FROM es_append_many($1::text[], $2::text[], $3::int[], $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[], $8)';

/**
 * A group of appends to distinct streams in one transaction and one round trip
 * (migrations/v5-group-commit.migration.ts). Throws when the group failed as a whole (nothing of
 * it is stored then); the caller sends its appends one by one instead.
 */
export async function callAppendMany(pool: pg.Pool, group: readonly GroupedAppend[]): Promise<GroupedOutcome[]> {
  return onAppendConnection(pool, (client) => appendManyOn(client, group));
}

/**
 * `es_append_many` on a connection the caller holds (in a transaction of its own, or not). Its
 * `p_notify` stays off: listeners are woken after the commit by `AppendNotifier`, never by a
 * NOTIFY inside it (append-notifications.ts says why).
 */
export async function appendManyOn(client: pg.PoolClient, group: readonly GroupedAppend[]): Promise<GroupedOutcome[]> {
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
      false,
    ],
  });
  const outcomes: GroupedOutcome[] = [];
  for (const row of rows) {
    const i = row.o_append - 1;
    if (row.o_status === 'appended') {
      const before = Number(row.o_revision);
      outcomes[i] = group[i]!.events.map((e, n) => ({
        o_id: e.id,
        o_revision: String(before + n + 1),
        o_position: row.o_positions![n]!,
        o_recorded_at: row.o_recorded_at!,
      }));
    } else if (row.o_status === 'wrong-revision') {
      outcomes[i] = { wrongRevision: Number(row.o_revision) };
    } else {
      outcomes[i] = row.o_status;
    }
  }
  if (outcomes.length !== group.length || outcomes.includes(undefined as never))
    throw new Error('es_append_many left an append unanswered');
  return outcomes;
}
