import type { QueryRunner } from 'typeorm';
import { lockProgressSql, toProgress, type Progress, type ProgressRow, type Track } from './progress.js';

/**
 * A batch commits without waiting for its WAL to reach the disk. A view's rows are derived from the
 * log, and they commit in one transaction with the checkpoint that says how far they go; a crash can
 * lose the last few such commits, never part of one (PostgreSQL keeps the WAL in order), and the
 * projection then folds the same events again from the checkpoint it finds. Waiting for the flush
 * (six views, a transaction per batch each) made every command's own commit, which must wait, queue
 * behind theirs. The log's appends, idempotency records and the swap keep the server's setting.
 */
export const ASYNCHRONOUS_COMMIT = 'SET LOCAL synchronous_commit TO off';

/** The driver's connection under a QueryRunner: statements without parameters go as one message. */
export interface Connection {
  query(text: string): Promise<unknown>;
}

/** Statements without parameters in a batch's open transaction. */
export interface BatchStatements {
  /** Runs `sql` in the transaction. */
  run<Row>(sql: string): Promise<Row[]>;
  /** Runs `sql` and commits in the same message; nothing may follow in the transaction. */
  runAndCommit<Row>(sql: string): Promise<Row[]>;
}

/**
 * A batch's (or window's) transaction, begun in one round trip together with its commit mode and
 * the lock of its progress row, which `work` gets as it was locked (undefined: no row), and with
 * `alsoRead`, a statement run after the lock whose rows `work` gets too (a live batch's rows). The
 * work ends it with `runAndCommit`, or it is committed after the work. Six views each commit every
 * batch, at a few events a batch when the office is quiet: what a batch costs is mostly its round
 * trips, and these statements need no parameters.
 */
export async function inBatchTransaction<T, Row = never>(
  runner: QueryRunner,
  track: Track,
  name: string,
  work: (locked: Progress | undefined, read: Row[], statements: BatchStatements) => Promise<T>,
  alsoRead?: string,
): Promise<T> {
  const connection = (await runner.connect()) as Connection;
  let committed = false;
  const statements: BatchStatements = {
    run: async <R>(sql: string) => ((await connection.query(sql)) as { rows: R[] }).rows,
    runAndCommit: async <R>(sql: string) => {
      const [result] = (await connection.query(`${sql};\nCOMMIT`)) as { rows: R[] }[];
      committed = true;
      return result!.rows;
    },
  };
  try {
    const first = `START TRANSACTION; ${ASYNCHRONOUS_COMMIT}; ${lockProgressSql(track, name)}${alsoRead ? `; ${alsoRead}` : ''}`;
    const [, , locked, read] = (await connection.query(first)) as { rows: unknown[] }[];
    const [row] = locked!.rows as ProgressRow[];
    const result = await work(row && toProgress(row), (read?.rows ?? []) as Row[], statements);
    if (!committed) await connection.query('COMMIT');
    return result;
  } catch (error) {
    // Whatever failed (a statement, the work, the COMMIT), the connection must not stay in the
    // transaction; a ROLLBACK with none open only warns, and one on a dead connection fails as well.
    await connection.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
