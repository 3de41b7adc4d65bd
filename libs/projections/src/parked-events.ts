import type { QueryRunner } from 'typeorm';
import { PARKED, REBUILDS } from './projection-tables.js';
import type { ProjectionEventFailed } from './projection.errors.js';
import { progressTable, type Progress, type Track } from './progress.js';
import { queryRows, toNumber, type Db } from './sql.js';

/** An event a projection could not apply, as the admin route lists it. */
export interface ParkedEvent {
  position: number;
  version: number;
  eventType: string;
  streamId: string | null;
  keys: string[];
  error: string;
  parkedAt: string;
}

/**
 * Parks the event that failed: fenced like a batch (only while the track is where this runner
 * left it), so a runner that lost its job parks nothing. Parked again, the row keeps its first time.
 */
export async function parkEvent(
  runner: QueryRunner,
  track: Track,
  name: string,
  expected: Progress,
  failure: ProjectionEventFailed,
): Promise<void> {
  await queryRows(
    runner,
    `INSERT INTO ${PARKED} (name, track, position, version, event_type, stream_id, keys, error_message)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8
     WHERE EXISTS (SELECT 1 FROM ${progressTable(track)} WHERE name = $1 AND position = $9 AND version = $4)
     ON CONFLICT (name, track, position) DO UPDATE SET error_message = EXCLUDED.error_message, keys = EXCLUDED.keys`,
    [name, track, failure.position, expected.version, failure.eventType, failure.streamId ?? null, [...failure.keys], failure.message,
      expected.position],
  );
}

/** Positions after `after` the track has parked: a batch read again leaves them out. */
export async function parkedPositions(db: Db, name: string, track: Track, after: number): Promise<Set<number>> {
  const rows = await queryRows<{ position: string }>(
    db,
    `SELECT position FROM ${PARKED} WHERE name = $1 AND track = $2 AND position > $3`,
    [name, track, after],
  );
  return new Set(rows.map((row) => toNumber(row.position)));
}

export async function listParked(db: Db, name: string, limit: number): Promise<ParkedEvent[]> {
  const rows = await queryRows<{
    position: string; version: number; event_type: string; stream_id: string | null; keys: string[]; error_message: string; parked_at: Date;
  }>(db, `SELECT * FROM ${PARKED} WHERE name = $1 AND track = 'live' ORDER BY position LIMIT $2`, [name, limit]);
  return rows.map((row) => ({
    position: toNumber(row.position),
    version: row.version,
    eventType: row.event_type,
    streamId: row.stream_id,
    keys: row.keys,
    error: row.error_message,
    parkedAt: row.parked_at.toISOString(),
  }));
}

export async function countParked(db: Db, name: string): Promise<number> {
  const [row] = await queryRows<{ n: string }>(db, `SELECT count(*) AS n FROM ${PARKED} WHERE name = $1 AND track = 'live'`, [name]);
  return toNumber(row?.n ?? 0);
}

/**
 * A rebuild (re)started by a request parks afresh: rows parked before it started go. Those of this
 * rebuild stay, also when it prepares its table again at position 0 (its first window held a parked
 * event, or it crashed before committing one), or it would fail on the same event for ever.
 */
export const clearRebuildParked = (runner: QueryRunner, name: string) =>
  queryRows(
    runner,
    `DELETE FROM ${PARKED} WHERE name = $1 AND track = 'rebuild' AND parked_at < (SELECT started_at FROM ${REBUILDS} WHERE name = $1)`,
    [name],
  );

/** In the swap's transaction: the rebuilt table's parked events become the live view's, those of the old table go. */
export async function promoteRebuildParked(runner: QueryRunner, name: string): Promise<void> {
  await queryRows(runner, `DELETE FROM ${PARKED} WHERE name = $1 AND track = 'live'`, [name]);
  await queryRows(runner, `UPDATE ${PARKED} SET track = 'live' WHERE name = $1 AND track = 'rebuild'`, [name]);
}
