import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { sqlLiteral } from '@app/database';
import { IdempotencyKeyReused } from '../errors/idempotency-key-reused.error.js';

export interface IdempotentRequest {
  /** Who asked: keys are unique per caller, not globally. */
  scope: string;
  key: string;
  /** What was asked (route and body); the same key with another request is refused. */
  fingerprint: unknown;
}

/**
 * Runs a command at most once per (caller, Idempotency-Key). A transaction-scoped advisory lock
 * on the key serialises concurrent retries, so two requests racing with one key append once.
 * The record costs two round trips: begin, lock and read in one message, and after the command
 * its write with the COMMIT. Several statements in one message take no parameters, so the caller's
 * values go in as literals (`sqlLiteral`).
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async runOnce<R>(request: IdempotentRequest, run: () => Promise<R>): Promise<R> {
    const requestHash = hashOf(request.fingerprint);
    const scope = sqlLiteral(request.scope);
    const key = sqlLiteral(request.key);
    const runner = this.dataSource.createQueryRunner();
    const connection = (await runner.connect()) as Connection;
    try {
      const [, , found] = (await connection.query(
        `START TRANSACTION;
         SELECT pg_advisory_xact_lock(hashtextextended(${sqlLiteral(JSON.stringify([request.scope, request.key]))}, 0));
         SELECT request_hash, response FROM idempotency_records WHERE scope = ${scope} AND idempotency_key = ${key}`,
      )) as { rows: { request_hash: string; response: R }[] }[];
      const [existing] = found!.rows;
      if (existing) {
        await connection.query('COMMIT');
        if (existing.request_hash !== requestHash) throw new IdempotencyKeyReused(request.key);
        return existing.response;
      }
      const response = await run();
      await connection.query(
        `INSERT INTO idempotency_records (scope, idempotency_key, request_hash, response)
         VALUES (${scope}, ${key}, ${sqlLiteral(requestHash)}, ${sqlLiteral(JSON.stringify(response))});
         COMMIT`,
      );
      return response;
    } catch (error) {
      // A rollback that fails (the connection is gone) must not hide why the command failed, nor
      // hand a connection that may still be in the transaction back to the pool. With no
      // transaction open (it committed, or never began) a ROLLBACK only warns.
      const rollback = await connection.query('ROLLBACK').then(
        () => undefined,
        (e: unknown) => e,
      );
      const drop = runner as unknown as { releasePostgresConnection(error: unknown): Promise<void> };
      if (rollback) await drop.releasePostgresConnection(rollback);
      throw error;
    } finally {
      await runner.release();
    }
  }
}

/** The driver's connection under a QueryRunner: statements without parameters go as one message. */
interface Connection {
  query(text: string): Promise<unknown>;
}

/** Key order must not matter: `{a,b}` and `{b,a}` are the same request. */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
};

const hashOf = (fingerprint: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(canonical(fingerprint)))
    .digest('hex');
