import type pg from 'pg';

export interface CheckedOutClient {
  client: pg.PoolClient;
  /** The error the connection failed with while checked out, if it did. */
  readonly lost: Error | undefined;
  /** Back to the pool; a connection that failed (or `error`) is closed instead of reused. */
  release(error?: Error): void;
}

/**
 * A pooled client with an 'error' listener for as long as it is checked out. pg-pool listens on
 * idle clients only, and a client that emits 'error' with no listener (the server ended the
 * session: pg_terminate_backend, a restart, a cut network) throws it out of the event loop and
 * ends the process. The query running on it fails with that error anyway, so noting it is enough.
 */
export async function checkOut(pool: pg.Pool): Promise<CheckedOutClient> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const onError = (error: Error) => {
    lost ??= error;
  };
  client.on('error', onError);
  return {
    client,
    get lost() {
      return lost;
    },
    release: (error?: Error) => {
      client.removeListener('error', onError);
      client.release(error ?? lost);
    },
  };
}
