import type pg from 'pg';
import { checkOut } from './checked-out-client.js';
import type { EventStoreMigration } from './migrations/event-store-migration.js';
import { EVENT_STORE_MIGRATIONS } from './migrations/event-store-migrations.js';

/** Any fixed number: instances starting together migrate one at a time. */
const MIGRATION_LOCK = 7263510;

/**
 * Applies the store's schema migrations not yet applied, each in its own transaction: one that fails
 * leaves nothing of itself. `migrations` is the store's own list but in tests.
 */
export async function migrateEventStore(pool: pg.Pool, migrations: readonly EventStoreMigration[] = EVENT_STORE_MIGRATIONS): Promise<void> {
  const connection = await checkOut(pool);
  const { client } = connection;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS es_migrations (
      version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM es_migrations');
    const applied = new Set(rows.map((r) => r.version));
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO es_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    connection.release();
  }
}
