import type { QueryRunner } from 'typeorm';
import { checkProjectionName } from './projection.js';
import { CHECKPOINTS, REBUILDS } from './projection-tables.js';
import { queryRows, toNumber, type Db } from './sql.js';

/** Where a runner writes and how far it has come: the live table or a rebuild's shadow. */
export type Track = 'live' | 'rebuild';

/** A checkpoint or rebuild row: the fence every batch checks before writing. */
export interface Progress {
  version: number;
  position: number;
  status: string;
  errorPosition: number | null;
}

export interface ProgressRow {
  version: number;
  position: string;
  status?: string;
  error_position: string | null;
}

export const progressTable = (track: Track): string => (track === 'live' ? CHECKPOINTS : REBUILDS);

/** The row, optionally locked for the rest of the transaction; undefined if there is none. */
export async function readProgress(db: Db, track: Track, name: string, lock = false): Promise<Progress | undefined> {
  const [row] = await queryRows<ProgressRow>(db, `${selectProgress(track)} WHERE name = $1${lock ? ' FOR UPDATE' : ''}`, [name]);
  return row && toProgress(row);
}

/**
 * The same locked read as SQL text with the name in it, to be sent with other statements in one
 * round trip (the simple protocol takes no parameters). The name is checked first: it is also a
 * table name, so only lower-case letters, digits and underscores pass.
 */
export const lockProgressSql = (track: Track, name: string): string =>
  `${selectProgress(track)} WHERE name = '${checkProjectionName(name)}' FOR UPDATE`;

const selectProgress = (track: Track) =>
  `SELECT version, position, ${track === 'live' ? 'status' : `'rebuilding' AS status`}, error_position FROM ${progressTable(track)}`;

export const toProgress = (row: ProgressRow): Progress => ({
  version: row.version,
  position: toNumber(row.position),
  status: row.status ?? 'rebuilding',
  errorPosition: row.error_position === null ? null : toNumber(row.error_position),
});

/** A projection seen for the first time starts at 0 with this version. */
export async function ensureCheckpoints(db: Db, projections: readonly { name: string; version: number }[]): Promise<void> {
  await queryRows(
    db,
    `INSERT INTO ${CHECKPOINTS} (name, version) SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT (name) DO NOTHING`,
    [projections.map((p) => p.name), projections.map((p) => p.version)],
  );
}

/**
 * Asks for a rebuild into a fresh shadow table at `version`. Starts over when one for another
 * version is under way (or, if asked, when the last one failed); leaves a running one alone.
 *
 * `ifLiveOlder` (a newer version deployed): only while the live view is still older. The live job
 * reads the version and then asks; a swap to that version may commit in between and delete the
 * rebuild row, and asking then would start a second, needless rebuild. The checkpoint row is
 * locked first, as a swap locks it, so the check sees the swap's outcome.
 */
export async function requestRebuild(
  db: Db,
  name: string,
  version: number,
  { restartFailed, ifLiveOlder = false }: { restartFailed: boolean; ifLiveOlder?: boolean },
): Promise<void> {
  await queryRows(
    db,
    `WITH live AS (SELECT version FROM ${CHECKPOINTS} WHERE name = $1 FOR UPDATE)
     INSERT INTO ${REBUILDS} AS r (name, version)
     SELECT $1, $2 FROM live WHERE NOT $4 OR live.version < $2
     ON CONFLICT (name) DO UPDATE SET version = $2, position = 0, error_position = NULL, error_message = NULL,
       events_per_second = 0, started_at = now(), updated_at = now()
     WHERE r.version <> $2 OR ($3 AND r.error_position IS NOT NULL)`,
    [name, version, restartFailed, ifLiveOlder],
  );
}

/** Fenced: only while the row is still where this runner left it. */
export async function markStatus(runner: QueryRunner, name: string, expected: Progress, status: 'running' | 'stopped'): Promise<void> {
  await queryRows(
    runner,
    `UPDATE ${CHECKPOINTS} SET status = $2, updated_at = now() WHERE name = $1 AND position = $3 AND version = $4 AND status <> 'failed'`,
    [name, status, expected.position, expected.version],
  );
}
