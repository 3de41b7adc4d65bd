import { checkProjectionName } from './projection.js';

/** Where a projection's rows live; its rebuild fills `shadow` and then takes the live name. */
export interface ProjectionTables {
  live: string;
  shadow: string;
}

export const CHECKPOINTS = 'projection_checkpoints';
export const REBUILDS = 'projection_rebuilds';
/** The dead-letter table: events a projection's `keysOf`/`evolve` threw on, left out of its view. */
export const PARKED = 'projection_parked_events';

export function projectionTables(name: string): ProjectionTables {
  const live = `projection_${checkProjectionName(name)}`;
  return { live, shadow: `${live}_rebuild` };
}

/** The table of one projection's documents. */
export const projectionTableSql = (table: string): string => `
  CREATE TABLE ${table} (
    key text COLLATE "C" NOT NULL,
    doc jsonb NOT NULL,
    last_position bigint NOT NULL,
    CONSTRAINT ${table}_pkey PRIMARY KEY (key)
  )`;

/**
 * A sort key kept in a doc field, as ordered reads compare it and its index holds it: the field's
 * text, by code point. The same expression in both, or the planner will not use the index.
 */
export const sortKeySql = (field: string): string => `((doc ->> '${field}') COLLATE "C")`;

/** The index of an ordered read (`OrderedRange`); the row key breaks ties, as the read orders. */
export const sortKeyIndexSql = (table: string, field: string): string => `CREATE INDEX ${table}_by_${field} ON ${table} (${sortKeySql(field)}, key)`;

/**
 * One checkpoint per projection (the live table's), and one row per rebuild under way (its
 * shadow table's). They are separate rows so that live and rebuild batches never wait on each other.
 */
export const PROGRESS_TABLES_SQL = [
  `CREATE TABLE ${CHECKPOINTS} (
    name text COLLATE "C" PRIMARY KEY,
    version integer NOT NULL,
    position bigint NOT NULL DEFAULT 0,
    status text NOT NULL DEFAULT 'stopped',
    error_position bigint,
    error_message text,
    events_per_second real NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE ${REBUILDS} (
    name text COLLATE "C" PRIMARY KEY,
    version integer NOT NULL,
    position bigint NOT NULL DEFAULT 0,
    error_position bigint,
    error_message text,
    events_per_second real NOT NULL DEFAULT 0,
    started_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
];

/**
 * One row per parked event of a view's live table (`track = 'live'`) or of a rebuild's shadow
 * (`'rebuild'`, promoted to live at the swap).
 */
export const PARKED_TABLE_SQL = `
  CREATE TABLE ${PARKED} (
    name text COLLATE "C" NOT NULL,
    track text NOT NULL CHECK (track IN ('live', 'rebuild')),
    position bigint NOT NULL,
    version integer NOT NULL,
    event_type text NOT NULL,
    stream_id text,
    keys text[] NOT NULL,
    error_message text NOT NULL,
    parked_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (name, track, position)
  )`;

/** Session advisory-lock keys `(kind, hash of name)`: one runner of each kind per projection. */
export type LockKey = readonly [number, number];

// 'PRJ' + 1 and 2: the event store takes (7263512, hash of stream) pairs, so stay clear of those.
const LIVE_LOCK = 0x50524a01;
const REBUILD_LOCK = 0x50524a02;

export const liveLock = (name: string): LockKey => [LIVE_LOCK, nameHash(name)];
export const rebuildLock = (name: string): LockKey => [REBUILD_LOCK, nameHash(name)];

/** FNV-1a, kept to 31 bits so that it reads the same as int4 and as pg_locks' oid. */
function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(name)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash & 0x7fffffff;
}
