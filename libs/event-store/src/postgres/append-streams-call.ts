import type pg from 'pg';
import { sqlTextArray } from '@app/database';
import type { PreparedStreamAppend } from '../stream-appends.js';
import { onAppendConnection } from './append-call.js';
import { appendManyOn, type GroupedOutcome } from './append-many-call.js';

/**
 * Begins the transaction and takes its streams' locks in one order (that of their hashes), so two
 * atomic appends never wait on each other in a cycle. One message: the stream ids as literals,
 * since a message of several statements takes no parameters.
 */
const beginAndLockSql = (streamIds: readonly string[]): string => `BEGIN; SELECT count(pg_advisory_xact_lock(7263512, h)) FROM
  (SELECT DISTINCT hashtext(s) AS h FROM unnest(${sqlTextArray(streamIds)}) AS s ORDER BY 1) AS locks`;

/**
 * An atomic append to several streams: `es_append_many` (v5) in a transaction of its own, which
 * commits only when every append of it was stored, and rolls back otherwise. Each stream's lock is
 * waited for first (`es_append_many` only tries them, and would answer 'stream-busy'), so every
 * append is decided. Answers the outcomes, in order; nothing is stored unless all are rows.
 */
export async function callAppendToStreams(pool: pg.Pool, appends: readonly PreparedStreamAppend[]): Promise<GroupedOutcome[]> {
  return onAppendConnection(pool, async (client) => {
    try {
      await client.query(beginAndLockSql(appends.map((a) => a.streamId)));
      const outcomes = await appendManyOn(client, appends);
      await client.query(outcomes.every(Array.isArray) ? 'COMMIT' : 'ROLLBACK');
      return outcomes;
    } catch (error) {
      // On a lost connection there is nothing to roll back; the connection is dropped.
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}
