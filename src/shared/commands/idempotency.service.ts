import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
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
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async runOnce<R>(request: IdempotentRequest, run: () => Promise<R>): Promise<R> {
    const requestHash = hashOf(request.fingerprint);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [JSON.stringify([request.scope, request.key])]);
      const [existing] = (await runner.query(
        'SELECT request_hash, response FROM idempotency_records WHERE scope = $1 AND idempotency_key = $2',
        [request.scope, request.key],
      )) as { request_hash: string; response: R }[];
      if (existing) {
        await runner.commitTransaction();
        if (existing.request_hash !== requestHash) throw new IdempotencyKeyReused(request.key);
        return existing.response;
      }
      const response = await run();
      await runner.query('INSERT INTO idempotency_records (scope, idempotency_key, request_hash, response) VALUES ($1, $2, $3, $4)', [
        request.scope,
        request.key,
        requestHash,
        JSON.stringify(response),
      ]);
      await runner.commitTransaction();
      return response;
    } catch (error) {
      // A rollback that fails (the connection is gone) must not hide why the command failed, nor
      // hand a connection that may still be in the transaction back to the pool.
      const rollback = runner.isTransactionActive
        ? await runner.rollbackTransaction().then(
            () => undefined,
            (e: unknown) => e,
          )
        : undefined;
      const drop = runner as unknown as { releasePostgresConnection(error: unknown): Promise<void> };
      if (rollback) await drop.releasePostgresConnection(rollback);
      throw error;
    } finally {
      await runner.release();
    }
  }
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
