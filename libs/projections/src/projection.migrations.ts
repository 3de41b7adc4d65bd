import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  CHECKPOINTS, PARKED, PARKED_TABLE_SQL, PROGRESS_TABLES_SQL, REBUILDS, projectionTableSql, projectionTables, sortKeyIndexSql,
} from './projection-tables.js';

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

/**
 * The dead-letter table of events a projection could not apply (README, "Failures"). Once per app,
 * after CreateProjectionCheckpoints.
 */
export class CreateProjectionParkedEvents1767000000000 implements MigrationInterface {
  name = 'CreateProjectionParkedEvents1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(PARKED_TABLE_SQL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${PARKED}`);
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

/**
 * The index an ordered read by `field` needs (`OrderedRange`), on `projection_<name>`. Rebuilds
 * copy it with the table (`LIKE … INCLUDING ALL`), so it is made once, like the table.
 */
export function projectionOrderIndexMigration(projectionName: string, field: string, timestamp: number): MigrationClass {
  if (!/^\d{13}$/.test(String(timestamp))) throw new Error(`Migration timestamp ${timestamp} must have 13 digits`);
  if (!/^[A-Za-z][A-Za-z0-9_]{0,62}$/.test(field)) throw new Error(`Sort key field "${field}" must be a plain identifier`);
  const { live } = projectionTables(projectionName);
  const migrationName = `IndexProjection${pascal(projectionName)}By${pascal(field)}${timestamp}`;
  const migration = class implements MigrationInterface {
    name = migrationName;

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(sortKeyIndexSql(live, field));
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      // A rebuild's copy of the index has a name PostgreSQL chose, so it is found by its expression.
      const indexes: { name: string }[] = await queryRunner.query(
        `SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1 AND strpos(indexdef, $2) > 0`,
        [live, `'${field}'`],
      );
      for (const { name } of indexes) await queryRunner.query(`DROP INDEX "${name.replace(/"/g, '""')}"`);
    }
  };
  Object.defineProperty(migration, 'name', { value: migrationName });
  return migration;
}

const pascal = (name: string): string => name.replace(/(^|_)([a-z0-9])/g, (_m, _s, c: string) => c.toUpperCase());
