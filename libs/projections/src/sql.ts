import type { DataSource, QueryRunner } from 'typeorm';

/** A pooled DataSource (one statement on any connection) or one held connection. */
export type Db = DataSource | QueryRunner;

/** Rows of one statement, whatever its kind (TypeORM shapes UPDATE results differently). */
export async function queryRows<T>(db: Db, text: string, params: unknown[] = []): Promise<T[]> {
  if (isQueryRunner(db)) return ((await db.query(text, params, true)) as { records: T[] }).records;
  const runner = db.createQueryRunner();
  try {
    return ((await runner.query(text, params, true)) as { records: T[] }).records;
  } finally {
    await runner.release();
  }
}

/** Runs `work` in one transaction on a held connection; rolls back when it throws. */
export async function inTransaction<T>(runner: QueryRunner, work: () => Promise<T>): Promise<T> {
  await runner.startTransaction();
  try {
    const result = await work();
    await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  }
}

/** pg hands bigint columns out as strings. */
export const toNumber = (value: string | number | null): number => Number(value ?? 0);

const isQueryRunner = (db: Db): db is QueryRunner => 'startTransaction' in db;
