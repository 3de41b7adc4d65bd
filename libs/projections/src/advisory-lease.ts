import type { EventEmitter } from 'node:events';
import type { DataSource, QueryRunner } from 'typeorm';
import type { LockKey } from './projection-tables.js';
import { queryRows } from './sql.js';

/**
 * A session advisory lock on a connection of its own, held while one runner works. Its work runs
 * on the same connection, so a runner whose connection died can neither hold the lock nor
 * commit; PostgreSQL frees the lock when the holder's connection closes, and another takes over.
 */
export class AdvisoryLease {
  private constructor(
    readonly runner: QueryRunner,
    /**
     * Aborts when the connection ends (killed, server restarted, keepalive gave up): the lock is
     * gone with it. A job waiting for events would otherwise notice only at the next event.
     */
    readonly lost: AbortSignal,
    private readonly forget: () => void,
  ) {}

  static async tryAcquire(dataSource: DataSource, [kind, id]: LockKey): Promise<AdvisoryLease | undefined> {
    const runner = dataSource.createQueryRunner();
    try {
      const [row] = await queryRows<{ locked: boolean }>(runner, 'SELECT pg_try_advisory_lock($1, $2) AS locked', [kind, id]);
      if (row?.locked) {
        const client = (await runner.connect()) as EventEmitter;
        const lost = new AbortController();
        const onEnd = () => lost.abort(new Error('the lock connection ended'));
        client.once('end', onEnd);
        return new AdvisoryLease(runner, lost.signal, () => client.removeListener('end', onEnd));
      }
    } catch {
      // Database unreachable: try again on the next round.
    }
    await runner.release();
    return undefined;
  }

  /** Unlocks and returns the connection; a broken one is dropped by the pool, which frees the lock. */
  async release(): Promise<void> {
    this.forget();
    if (this.runner.isReleased) return;
    try {
      if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
      await this.runner.query('SELECT pg_advisory_unlock_all()');
      await this.runner.release();
    } catch (error) {
      // Never hand a connection that may still hold the lock back to the pool: close it.
      const drop = (this.runner as { releasePostgresConnection?: (error: unknown) => Promise<void> }).releasePostgresConnection;
      await (drop ? drop.call(this.runner, error) : this.runner.release());
    }
  }
}
