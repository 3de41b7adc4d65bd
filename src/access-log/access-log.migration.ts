import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log (sporingslogg). Append-only in the database itself, not only by convention:
 * UPDATE, DELETE and TRUNCATE are refused by triggers, so a bug or a careless hand cannot
 * rewrite who read what. (A role owning the table can still drop the triggers; production
 * should give the app a role that does not own it.)
 */
export class CreateAccessLog1765000000000 implements MigrationInterface {
  name = 'CreateAccessLog1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE access_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        nav_ident text,
        roles text[] NOT NULL,
        office_number text CHECK (office_number ~ '^[0-9]{4}$'),
        method text NOT NULL,
        route text NOT NULL,
        allowed boolean NOT NULL,
        reason text NOT NULL,
        correlation_id text
      )`);
    await queryRunner.query('CREATE INDEX access_log_office_id ON access_log (office_number, id)');
    await queryRunner.query('CREATE INDEX access_log_at ON access_log (at)');
    await queryRunner.query(`
      CREATE FUNCTION access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $fn$`);
    await queryRunner.query(`CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
      FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change()`);
    await queryRunner.query(`CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
      FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE access_log');
    await queryRunner.query('DROP FUNCTION access_log_refuse_change()');
  }
}
