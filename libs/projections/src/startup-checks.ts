import type { DataSource } from 'typeorm';
import type { ProjectionLogger } from './follow.js';
import { ProjectionTablesMissing } from './projection.errors.js';
import { CHECKPOINTS, PARKED, REBUILDS } from './projection-tables.js';
import { queryRows } from './sql.js';

/** A missing migration fails the start with its name, not the first batch with a SQL error. */
export async function checkTables(dataSource: DataSource, liveTables: readonly string[]): Promise<void> {
  const rows = await queryRows<{ name: string; found: string | null }>(
    dataSource,
    'SELECT name, to_regclass(name) AS found FROM unnest($1::text[]) AS name',
    [[CHECKPOINTS, REBUILDS, PARKED, ...liveTables]],
  );
  const missing = rows.filter((row) => row.found === null).map((row) => row.name);
  if (missing.length > 0) throw new ProjectionTablesMissing(missing);
}

/** Every job holds a pooled connection for as long as it runs; queries need some left over. */
export function checkPoolSize(dataSource: DataSource, projections: number, maxRebuilds: number, logger: ProjectionLogger): void {
  const options = dataSource.options as { poolSize?: number; extra?: { max?: number } };
  const poolSize = options.extra?.max ?? options.poolSize ?? 10;
  const needed = projections + maxRebuilds + 2;
  if (poolSize < needed) {
    logger.warn(`projections: a pool of ${poolSize} connections is small for ${projections} projections; use at least ${needed}`);
  }
}
