import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The one place a client's pseudonym meets the random subject id events carry (crypto-shredding:
 * erasing deletes the row, and the events no longer lead to anyone), and the erasures themselves,
 * recorded by subject id only, so they can be applied again after a restore.
 */
export class CreateClientSubjects1768000000000 implements MigrationInterface {
  name = 'CreateClientSubjects1768000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE client_subjects (
        client_ref text PRIMARY KEY,
        subject_id text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE client_erasures (
        subject_id text PRIMARY KEY,
        erased_at timestamptz NOT NULL,
        reason text NOT NULL,
        by_retention boolean NOT NULL DEFAULT false
      )`);
    // One row once the links of clients enrolled before subject ids have been filled from the log.
    await queryRunner.query('CREATE TABLE client_subject_fills (name text PRIMARY KEY, done_at timestamptz NOT NULL DEFAULT now())');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE client_subject_fills');
    await queryRunner.query('DROP TABLE client_erasures');
    await queryRunner.query('DROP TABLE client_subjects');
  }
}
