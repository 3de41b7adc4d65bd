import type { QueryRunner } from 'typeorm';
import type { ProjectionTables } from './projection-tables.js';
import { queryRows } from './sql.js';

/**
 * A rebuild fills its shadow table with only the indexes its own writes need (the primary key and
 * any other unique index): the others (the sort keys of ordered reads) would be written on every
 * upsert of a row the log touches many times over, and their expressions keep updates from being
 * HOT. They are built once the rebuild has caught up, before the swap (`indexShadow`), from the
 * live table's definitions, so an index a migration added meanwhile comes along too.
 */
export async function dropDeferredIndexes(runner: QueryRunner, tables: ProjectionTables): Promise<void> {
  for (const index of await indexesOf(runner, tables.shadow)) {
    if (!index.unique) await runner.query(`DROP INDEX ${quote(index.name)}`);
  }
}

/**
 * Makes every index of the live table that the shadow lacks (compared by definition, as their names
 * differ), and returns how many it made. Not in a transaction (VACUUM cannot be). Only the rebuild
 * job uses the shadow table, so the locks taken here keep nobody waiting; a crash leaves the
 * indexes made so far, and the next call makes the rest.
 *
 * The table is rewritten first (`VACUUM FULL`): without the sort-key indexes its updates were HOT,
 * and an index built over HOT chains whose sort key changed is marked `indcheckxmin`: no query whose
 * snapshot is older than the index may use it, so the live view would answer its first ordered reads
 * by scanning. The rewrite leaves no chains, and compacts what the updates left behind.
 */
export async function indexShadow(runner: QueryRunner, tables: ProjectionTables): Promise<number> {
  const missing = await missingIndexes(runner, tables);
  if (missing.length === 0) return 0;
  await runner.query(`VACUUM FULL ${tables.shadow}`);
  // Unnamed: PostgreSQL chooses a free name starting with the shadow's, which the swap renames.
  for (const index of missing) await runner.query(`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ON ${tables.shadow} ${index.body}`);
  return missing.length;
}

/** The live table's indexes that the shadow lacks. */
export async function missingIndexes(runner: QueryRunner, tables: ProjectionTables): Promise<IndexDefinition[]> {
  const present = new Set((await indexesOf(runner, tables.shadow)).map((index) => index.body));
  return (await indexesOf(runner, tables.live)).filter((index) => !present.has(index.body));
}

export interface IndexDefinition {
  name: string;
  unique: boolean;
  /** The definition from `USING` on: what makes two tables' indexes the same one. */
  body: string;
}

const DEFINITION = /^CREATE (UNIQUE )?INDEX \S+ ON (?:ONLY )?\S+ (USING .*)$/s;

async function indexesOf(runner: QueryRunner, table: string): Promise<IndexDefinition[]> {
  const rows = await queryRows<{ name: string; definition: string }>(
    runner,
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1`,
    [table],
  );
  return rows.map(({ name, definition }) => {
    const parts = DEFINITION.exec(definition);
    if (!parts) throw new Error(`index ${name} of ${table}: unexpected definition ${definition}`);
    return { name, unique: parts[1] !== undefined, body: parts[2]! };
  });
}

export const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;
