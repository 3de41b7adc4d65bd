import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pages of the access log follow commit order, not id order: a bigserial id is taken before the
 * insert commits, so a line with a lower id can appear after a reader has passed it. Each line
 * keeps the transaction that wrote it (as the event store's events do), a page shows only lines of
 * transactions older than every running one, and pages go by (transaction_id, id). Existing lines
 * all get this migration's transaction, so among them the id decides, as before.
 */
export class AccessLogCommitOrder1767000000001 implements MigrationInterface {
  name = 'AccessLogCommitOrder1767000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE access_log ADD COLUMN transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id()');
    await queryRunner.query('CREATE INDEX access_log_commit_order ON access_log (transaction_id, id)');
    await queryRunner.query('CREATE INDEX access_log_office_commit_order ON access_log (office_number, transaction_id, id)');
    await queryRunner.query('DROP INDEX access_log_office_id');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX access_log_office_id ON access_log (office_number, id)');
    await queryRunner.query('DROP INDEX access_log_office_commit_order');
    await queryRunner.query('DROP INDEX access_log_commit_order');
    await queryRunner.query('ALTER TABLE access_log DROP COLUMN transaction_id');
  }
}
