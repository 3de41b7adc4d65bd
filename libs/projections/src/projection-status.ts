import type { DataSource } from 'typeorm';
import type { EventStore } from '@app/event-store';
import { CHECKPOINTS, PARKED, REBUILDS, liveLock } from './projection-tables.js';
import { queryRows, toNumber } from './sql.js';

/** Lag is counted by the store (on KurrentDB by reading the events), so only up to here. */
export const LAG_COUNT_LIMIT = 1000;

/** Events after `position` up to `head`, at most `LAG_COUNT_LIMIT`. */
export async function eventsBehind(store: Pick<EventStore, 'countEventsBetween'>, position: number, head: number): Promise<number> {
  if (position >= head) return 0;
  return store.countEventsBetween(position, head, LAG_COUNT_LIMIT);
}

/**
 * `degraded`: the view runs but has parked events (left out of it, README "Failures"); `failed` is
 * only what a checkpoint recorded before events were parked.
 */
export type ProjectionState = 'running' | 'catching_up' | 'degraded' | 'rebuilding' | 'failed' | 'stopped';

export interface ProjectionError {
  position: number;
  message: string;
}

/** The same answer whichever instance is asked; `role` is the one thing about the instance asked. */
export interface ProjectionStatus {
  name: string;
  /** The version this instance runs. */
  version: number;
  /** The version the live table was built with. */
  liveVersion: number;
  status: ProjectionState;
  /** Last global position the live table has processed. */
  position: number;
  headPosition: number;
  /**
   * Events after `position` up to the head, counted up to `LAG_COUNT_LIMIT` (that figure means "at
   * least"). Not `headPosition - position`: positions are no count of events (KurrentDB's are byte
   * offsets, PostgreSQL's have gaps).
   */
  lag: number;
  eventsPerSecond: number;
  error: ProjectionError | null;
  /** Events the live view has parked (`GET …/parked` lists them); more than 0 makes it `degraded`. */
  parkedEvents: number;
  rebuild: {
    version: number;
    position: number;
    lag: number;
    eventsPerSecond: number;
    error: ProjectionError | null;
    /** Events this rebuild has parked so far. */
    parkedEvents: number;
  } | null;
  /** This instance: `leader` runs the live job, `standby` waits to take it over. */
  role: 'leader' | 'standby' | 'stopped';
  updatedAt: string;
}

interface StatusRow {
  name: string;
  version: number;
  position: string;
  status: string;
  error_position: string | null;
  error_message: string | null;
  eps: number;
  updated_at: Date;
  rebuild_version: number | null;
  rebuild_position: string | null;
  rebuild_error_position: string | null;
  rebuild_error_message: string | null;
  rebuild_eps: number | null;
  has_leader: boolean;
  parked: string;
  rebuild_parked: string;
}

/** Rates older than this are from a runner that has gone quiet. */
const RATE_WINDOW = `interval '10 seconds'`;

export async function readStatusRows(dataSource: DataSource, names: readonly string[]): Promise<StatusRow[]> {
  const locks = names.map((name) => liveLock(name));
  return queryRows<StatusRow>(
    dataSource,
    `SELECT c.name, c.version, c.position, c.status, c.error_position, c.error_message, c.updated_at,
       CASE WHEN c.updated_at < now() - ${RATE_WINDOW} THEN 0 ELSE c.events_per_second END AS eps,
       r.version AS rebuild_version, r.position AS rebuild_position,
       r.error_position AS rebuild_error_position, r.error_message AS rebuild_error_message,
       CASE WHEN r.updated_at < now() - ${RATE_WINDOW} THEN 0 ELSE r.events_per_second END AS rebuild_eps,
       (SELECT count(*) FROM ${PARKED} p WHERE p.name = k.name AND p.track = 'live') AS parked,
       (SELECT count(*) FROM ${PARKED} p WHERE p.name = k.name AND p.track = 'rebuild') AS rebuild_parked,
       EXISTS (SELECT 1 FROM pg_locks l
               WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                 AND l.classid = k.kind::oid AND l.objid = k.id::oid) AS has_leader
     FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS k(name, kind, id)
     JOIN ${CHECKPOINTS} c ON c.name = k.name
     LEFT JOIN ${REBUILDS} r ON r.name = k.name`,
    [names, locks.map(([kind]) => kind), locks.map(([, id]) => id)],
  );
}

export function toStatus(
  row: StatusRow,
  {
    version,
    headPosition,
    lag,
    leader,
    engineRunning,
  }: { version: number; headPosition: number; lag: { live: number; rebuild: number }; leader: boolean; engineRunning: boolean },
): ProjectionStatus {
  const position = toNumber(row.position);
  const error = errorOf(row.error_position, row.error_message);
  const rebuild =
    row.rebuild_version === null
      ? null
      : {
          version: row.rebuild_version,
          position: toNumber(row.rebuild_position),
          lag: lag.rebuild,
          eventsPerSecond: row.rebuild_eps ?? 0,
          error: errorOf(row.rebuild_error_position, row.rebuild_error_message),
          parkedEvents: toNumber(row.rebuild_parked),
        };
  const parkedEvents = toNumber(row.parked);
  return {
    name: row.name,
    version,
    liveVersion: row.version,
    status: stateOf(row.status, { rebuild, lag: lag.live, hasLeader: row.has_leader, parkedEvents }),
    position,
    headPosition,
    lag: lag.live,
    eventsPerSecond: row.eps,
    error: error ?? rebuild?.error ?? null,
    parkedEvents,
    rebuild,
    role: leader ? 'leader' : engineRunning ? 'standby' : 'stopped',
    updatedAt: row.updated_at.toISOString(),
  };
}

function stateOf(
  stored: string,
  {
    rebuild,
    lag,
    hasLeader,
    parkedEvents,
  }: {
    rebuild: ProjectionStatus['rebuild'];
    lag: number;
    hasLeader: boolean;
    parkedEvents: number;
  },
): ProjectionState {
  if (stored === 'failed' || rebuild?.error) return 'failed';
  if (rebuild) return 'rebuilding';
  if (!hasLeader) return 'stopped';
  if (parkedEvents > 0) return 'degraded';
  if (stored === 'catching_up' && lag > 0) return 'catching_up';
  return 'running';
}

const errorOf = (position: string | null, message: string | null): ProjectionError | null =>
  position === null ? null : { position: toNumber(position), message: message ?? '' };
