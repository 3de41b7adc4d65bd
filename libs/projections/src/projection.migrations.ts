import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CHECKPOINTS, PROGRESS_TABLES_SQL, REBUILDS, projectionTableSql, projectionTables } from './projection-tables.js';

/** The engine's own tables: checkpoints and rebuilds. Once per app, before any projection table. */
export class CreateProjectionCheckpoints1764000000000 implements MigrationInterface {
  name = 'CreateProjectionCheckpoints1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of PROGRESS_TABLES_SQL) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${REBUILDS}`);
    await queryRunner.query(`DROP TABLE ${CHECKPOINTS}`);
  }
}

export type MigrationClass = new () => MigrationInterface;

/**
 * The migration that creates `projection_<name>`, for the app's migration list. `timestamp` is
 * the usual 13-digit JavaScript time of writing it, later than CreateProjectionCheckpoints'.
 * A new projection version needs no migration: the runner rebuilds into a copy of this table.
 */
export function projectionTableMigration(projectionName: string, timestamp: number): MigrationClass {
  if (!/^\d{13}$/.test(String(timestamp))) throw new Error(`Migration timestamp ${timestamp} must have 13 digits`);
  const { live, shadow } = projectionTables(projectionName);
  const migrationName = `CreateProjection${pascal(projectionName)}${timestamp}`;
  const migration = class implements MigrationInterface {
    name = migrationName;

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(projectionTableSql(live));
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE IF EXISTS ${shadow}`);
      await queryRunner.query(`DROP TABLE ${live}`);
      await queryRunner.query(`DELETE FROM ${REBUILDS} WHERE name = $1`, [projectionName]);
      await queryRunner.query(`DELETE FROM ${CHECKPOINTS} WHERE name = $1`, [projectionName]);
    }
  };
  Object.defineProperty(migration, 'name', { value: migrationName });
  return migration;
}

const pascal = (name: string): string => name.replace(/(^|_)([a-z0-9])/g, (_m, _s, c: string) => c.toUpperCase());
