import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where as-of replays start from: an office's documents of one view version, as a fold of the
 * office's events up to `position` of the log `log` (an event store's identity) gave them.
 */
export class CreateViewReplaySnapshots1769100000000 implements MigrationInterface {
  name = 'CreateViewReplaySnapshots1769100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE view_replay_snapshots (
        log text NOT NULL,
        view text NOT NULL,
        version integer NOT NULL,
        office text NOT NULL,
        position bigint NOT NULL,
        events_seen integer NOT NULL,
        docs text NOT NULL,
        parked bigint[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (log, view, version, office, position)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE view_replay_snapshots');
  }
}
